package com.qiyouxiang.evaluation;

/** An error-severity data-quality check failed: the run stops before anything is published. */
public class DataQualityException extends RuntimeException {

    public DataQualityException(String message) {
        super(message);
    }
}
