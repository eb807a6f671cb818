package com.qiyouxiang.intake.spreadsheet;

/** The file does not fit its template (or any): it is recorded as unrecognised, with this Chinese reason, and left in the inbox. */
public class NotRecognisedException extends RuntimeException {

    public NotRecognisedException(String reasonZh) {
        super(reasonZh);
    }
}
