package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hash key only where hashing happens: a platform inbox without record-level exports runs without
 * QYX_PLATFORM_HASH_KEY; one with a record-level export is refused at start (exit 2, nothing written) without it;
 * the samples' public demo key is refused on any inbox but the bundled one.
 */
class HashKeyIT {

    @TempDir
    Path work;

    Path home(String name, String... samples) throws Exception {
        Path home = work.resolve(name);
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        for (String file : samples) {
            Files.copy(Path.of("samples/inbox", file), inbox.resolve(file));
        }
        return home;
    }

    @Test
    void anInboxWithoutRecordLevelExportsRunsWithoutAKey() throws Exception {
        Path home = home("indicators-only", "平台_指标数据_2024Q2.csv");
        Map<String, String> env = Map.of("QYX_HOME", home.toString());
        assertThat(Launches.application(env, List.of("--spring.batch.job.name=referenceJob")).exitCode()).isZero();
        Launches.Result r = Launches.application(env, List.of("--spring.batch.job.name=platformJob"));
        assertThat(r.exitCode()).as(r.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(Launches.count(home.resolve("warehouse/qiyouxiang.duckdb"),
                "SELECT count(*) FROM etl_file WHERE source_kind = 'platform_indicator' AND status LIKE 'loaded%'")).isEqualTo(1);
    }

    @Test
    void aRecordLevelExportWithoutAKeyIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path home = home("records", "平台_指标数据_2024Q2.csv", "平台_养老护理员持证名单_2023Q1-2026Q3.csv");
        Launches.Result r = Launches.application(Map.of("QYX_HOME", home.toString()), List.of("--spring.batch.job.name=nightlyJob"));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("平台_养老护理员持证名单_2023Q1-2026Q3.csv", "需要哈希密钥", "QYX_PLATFORM_HASH_KEY");
        assertThat(Launches.tree(home)).containsExactly("inbox", "inbox/平台_养老护理员持证名单_2023Q1-2026Q3.csv",
                "inbox/平台_指标数据_2024Q2.csv");
    }

    @Test
    void theDemoKeyIsRefusedOnAnyInboxButTheBundledOne() throws Exception {
        Path home = home("demo-key", "平台_指标数据_2024Q2.csv");
        Launches.Result r = Launches.application(Map.of("QYX_HOME", home.toString(),
                "QYX_PLATFORM_HASH_KEY", "DEMO-KEY-samples-only-not-secret"), List.of("--spring.batch.job.name=platformJob"));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("公开演示密钥", "QYX_PLATFORM_HASH_KEY");
        assertThat(home.resolve("warehouse")).doesNotExist();
    }
}
