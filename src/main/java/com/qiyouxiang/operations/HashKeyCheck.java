package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.springframework.core.env.ConfigurableEnvironment;

import com.qiyouxiang.intake.platform.PlatformProperties;
import com.qiyouxiang.intake.platform.RecordLevelExports;

/**
 * The platform hash key, only where hashing happens: a key is needed when the platform inbox holds a record-level
 * export (a personal list whose 身份证号 are replaced by their HMAC), and not otherwise; the bundled samples are
 * hashed with their public demo key; a key named DEMO-KEY... is refused on any other inbox, whatever it holds.
 */
public final class HashKeyCheck {

    static final String KEY = "qyx.platform.hash-key";

    /** What the check found, for start-up and doctor alike. */
    public record Result(String problem, String description) {
    }

    private HashKeyCheck() {
    }

    public static Result check(ConfigurableEnvironment environment) {
        PlatformProperties platform = platform(environment);
        String configured = platform.hashKey();
        boolean set = configured != null && !configured.isBlank();
        if (platform.demoKey() && !platform.bundledSamples()) {
            return new Result("哈希密钥是示例数据的公开演示密钥（DEMO-KEY…），只能用于自带的示例收件箱：请把环境变量 "
                    + "QYX_PLATFORM_HASH_KEY 设为自己的密钥（例如 openssl rand -hex 32 生成）。", "演示密钥（被拒绝）");
        }
        if (set) {
            return new Result(null, "已设置（指纹 " + new com.qiyouxiang.intake.platform.KeyedHash(configured).fingerprint() + "）");
        }
        if (platform.bundledSamples()) {
            return new Result(null, "未设置：示例收件箱使用公开的演示密钥");
        }
        List<String> records;
        try {
            records = RecordLevelExports.in(platform.inboxDir(), platform.sourcesDir());
        } catch (IOException | RuntimeException e) {
            return new Result(null, "未设置（无法查看平台收件箱：" + e.getMessage() + "）");
        }
        if (records.isEmpty()) {
            return new Result(null, "未设置：平台收件箱里没有逐条记录的名单，不需要密钥");
        }
        return new Result("公共数据平台收件箱 " + platform.inboxDir().toAbsolutePath().normalize() + " 里有逐条记录的名单（"
                + records.get(0) + (records.size() > 1 ? " 等 " + records.size() + " 个文件" : "") + "），需要哈希密钥："
                + "请设置环境变量 QYX_PLATFORM_HASH_KEY（配置项 " + KEY + "）。", "未设置，但需要");
    }

    static Optional<String> problem(ConfigurableEnvironment environment) {
        return Optional.ofNullable(check(environment).problem());
    }

    static PlatformProperties platform(ConfigurableEnvironment environment) {
        String inbox = environment.getProperty("qyx.platform.inbox-dir");
        String sources = environment.getProperty("qyx.platform.sources-dir");
        return new PlatformProperties(inbox == null ? null : Path.of(inbox), sources == null ? null : Path.of(sources),
                environment.getProperty(KEY), environment.getProperty("qyx.platform.temp-dir"));
    }
}
