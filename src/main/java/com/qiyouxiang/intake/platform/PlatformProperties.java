package com.qiyouxiang.intake.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the 公共数据平台 ingest (qyx.platform.*).
 *
 * @param inboxDir   where the CSV exports arrive (qyx.platform.inbox-dir, default qyx.inbox-dir)
 * @param sourcesDir the column mappings, jobs/sources/platform/platform-*.yml (qyx.platform.sources-dir)
 * @param hashKey    the HMAC-SHA256 key for 身份证号 and 户编号 (qyx.platform.hash-key / QYX_PLATFORM_HASH_KEY)
 * @param tempDir    where GBK exports are transcoded to UTF-8 and record-level exports staged (PlatformTempFiles);
 *                   blank = the system temp folder (qyx.platform.temp-dir)
 */
@ConfigurationProperties("qyx.platform")
public record PlatformProperties(Path inboxDir, Path sourcesDir, String hashKey, String tempDir) {

    public PlatformProperties {
        inboxDir = inboxDir == null ? Path.of("samples/inbox") : inboxDir;
        sourcesDir = sourcesDir == null ? Path.of("jobs/sources/platform") : sourcesDir;
    }

    /** A key named DEMO-KEY... is the bundled samples' one: fine for a demonstration, never for real data. */
    public boolean demoKey() {
        return hashKey != null && hashKey.startsWith("DEMO-KEY");
    }

    /** The bundled samples' inbox (a folder samples/inbox): the only one the demo key may hash. */
    public boolean bundledSamples() {
        return inboxDir.toAbsolutePath().normalize().endsWith(Path.of("samples", "inbox"));
    }
}
