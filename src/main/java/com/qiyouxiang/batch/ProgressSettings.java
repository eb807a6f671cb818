package com.qiyouxiang.batch;

import org.springframework.stereotype.Component;

/** Applies qyx.progress-interval to {@link Progress} at start-up. */
@Component
class ProgressSettings {

    ProgressSettings(RunLogProperties properties) {
        Progress.configure(properties.progressInterval(), System.console() != null);
    }
}
