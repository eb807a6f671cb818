package com.qiyouxiang.batch;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param logDir           run logs and run summaries (qyx.log-dir)
 * @param progressInterval how often long steps log their progress when not on a terminal (qyx.progress-interval)
 */
@ConfigurationProperties("qyx")
public record RunLogProperties(Path logDir, @DefaultValue("10s") Duration progressInterval) {
}
