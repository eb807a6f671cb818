package com.qiyouxiang.operations;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param queryDatabase the published marts file that {@code jobs/run query} reads, read-only (qyx.query-database)
 * @param statusLimit   how many runs {@code jobs/run status} lists (qyx.status-limit)
 */
@ConfigurationProperties("qyx")
public record OperationsProperties(Path queryDatabase, int statusLimit) {
}
