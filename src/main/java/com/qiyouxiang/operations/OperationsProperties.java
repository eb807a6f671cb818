package com.qiyouxiang.operations;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param logDir        run logs and run summaries (qyx.log-dir)
 * @param queryDatabase the published marts file that {@code jobs/run query} reads, read-only (qyx.query-database)
 * @param statusLimit   how many runs {@code jobs/run status} lists (qyx.status-limit)
 */
@ConfigurationProperties("qyx")
public record OperationsProperties(Path logDir, Path queryDatabase, int statusLimit) {
}
