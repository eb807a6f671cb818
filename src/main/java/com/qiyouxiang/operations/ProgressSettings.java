package com.qiyouxiang.operations;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Applies qyx.progress-interval to {@link Progress} at start-up. */
@Component
class ProgressSettings {

    ProgressSettings(@Value("${qyx.progress-interval:10s}") Duration interval) {
        Progress.configure(interval, System.console() != null);
    }
}
