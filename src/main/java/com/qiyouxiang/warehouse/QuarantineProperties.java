package com.qiyouxiang.warehouse;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where poison files go ({@link Quarantine}).
 *
 * @param quarantineDir the quarantine folder: files a run died reading, moved out of the inbox by the next launch,
 *                      by date (quarantine/2026-12-01/name.xlsx); derived from qyx.home (operations.HomeFolders), created
 *                      when a file is first quarantined
 */
@ConfigurationProperties("qyx")
public record QuarantineProperties(Path quarantineDir) {
}
