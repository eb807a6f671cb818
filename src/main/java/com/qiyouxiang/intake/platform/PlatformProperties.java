package com.qiyouxiang.intake.platform;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the 公共数据平台 ingest (qyx.platform.*).
 *
 * @param inboxDir   where the CSV exports arrive (qyx.platform.inbox-dir, default qyx.inbox-dir)
 * @param sourcesDir the column mappings, jobs/sources/platform/platform-*.yml (qyx.platform.sources-dir)
 * @param hashKey    the HMAC-SHA256 key for 身份证号 and 户编号 (qyx.platform.hash-key / QYX_PLATFORM_HASH_KEY); needed only
 *                   when the inbox holds a record-level export (the bundled samples use their demo key)
 * @param tempDir    where GBK exports are transcoded to UTF-8 and record-level exports staged (PlatformTempFiles);
 *                   blank = the system temp folder (qyx.platform.temp-dir)
 */
@ConfigurationProperties("qyx.platform")
public record PlatformProperties(Path inboxDir, Path sourcesDir, String hashKey, String tempDir) {

    public PlatformProperties {
        inboxDir = inboxDir == null ? Path.of("samples/inbox") : inboxDir;
        sourcesDir = sourcesDir == null ? Path.of("jobs/sources/platform") : sourcesDir;
    }

    /** The bundled samples' public key: never for real data (anyone can recompute its hashes). */
    public static final String DEMO_KEY = "DEMO-KEY-samples-only-not-secret";

    /**
     * The key hashing uses: the configured one; when none is configured, on the bundled samples alone their public
     * demo key; otherwise null (an inbox without record-level exports needs none).
     */
    public String effectiveHashKey() {
        if (hashKey != null && !hashKey.isBlank()) {
            return hashKey;
        }
        return bundledSamples() ? DEMO_KEY : null;
    }

    /** A key named DEMO-KEY... is the bundled samples' one: fine for a demonstration, never for real data. */
    public boolean demoKey() {
        String key = effectiveHashKey();
        return key != null && key.startsWith("DEMO-KEY");
    }

    /** The bundled samples' inbox (a folder samples/inbox): the only one the demo key may hash. */
    public boolean bundledSamples() {
        return isBundledSamples(inboxDir);
    }

    /** Whether a folder is the bundled samples' inbox (a folder samples/inbox, as in the repository). */
    public static boolean isBundledSamples(Path inbox) {
        return inbox != null && inbox.toAbsolutePath().normalize().endsWith(Path.of("samples", "inbox"));
    }
}
