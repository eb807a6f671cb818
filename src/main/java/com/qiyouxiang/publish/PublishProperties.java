package com.qiyouxiang.publish;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where and how publishJob writes.
 *
 * @param outputDir the folder for everything published (qyx.output-dir, default out)
 * @param publish   qyx.publish.*: the BI marts file
 */
@ConfigurationProperties("qyx")
public record PublishProperties(Path outputDir, Publish publish) {

    /**
     * @param storageCompatibilityVersion DuckDB storage format of the marts file (qyx.publish.storage-compatibility-version)
     * @param martsFile                   the marts file's name inside output-dir (qyx.publish.marts-file)
     */
    public record Publish(String storageCompatibilityVersion, String martsFile) {
    }

    public Path martsFile() {
        return outputDir.resolve(publish.martsFile());
    }
}
