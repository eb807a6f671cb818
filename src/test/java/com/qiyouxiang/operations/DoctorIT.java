package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.qiyouxiang.warehouse.SchemaMigrator;

/**
 * jobs/run doctor: exit 0 on a healthy sample setup; each failure it checks is reported as a [问题] line and makes the
 * exit code 2. Real warehouses, real job metadata, real launches.
 */
class DoctorIT {

    static Path work;
    static Path warehouse;
    static List<String> sample;

    @BeforeAll
    static void aSampleWarehouseWithOneRun() throws Exception {
        work = Files.createTempDirectory("qyx-doctor-");
        warehouse = work.resolve("w.duckdb");
        sample = List.of("--qyx.warehouse-path=" + warehouse, "--qyx.log-dir=" + work.resolve("logs"),
                "--qyx.output-dir=" + work.resolve("out"), "--qyx.archive-dir=" + work.resolve("archive"));
        List<String> reference = new ArrayList<>(sample);
        reference.add("--spring.batch.job.name=referenceJob");
        Launches.Result r = Launches.application(Map.of(), reference);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    static Launches.Result doctor(List<String> args) throws Exception {
        List<String> all = new ArrayList<>(args);
        all.add("--qyx.command=doctor");
        all.add("--logging.level.root=ERROR");
        all.add("--logging.level.com.qiyouxiang=ERROR");
        return Launches.application(Map.of(), all);
    }

    /** The base options with some replaced or added (an option given twice would be joined by a comma). */
    static List<String> with(List<String> base, String... more) {
        List<String> all = new ArrayList<>();
        for (String option : base) {
            String key = option.substring(0, option.indexOf('=') + 1);
            if (java.util.Arrays.stream(more).noneMatch(m -> m.startsWith(key))) {
                all.add(option);
            }
        }
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void aHealthySampleSetupIsAllWell() throws Exception {
        List<String> args = new ArrayList<>(List.of("doctor"));
        args.addAll(sample);
        Launches.Result r = Launches.script(work, Map.of(), "jobs/run", args.toArray(String[]::new));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(r.output()).contains("qyx.warehouse-path", "← 命令行 --qyx.warehouse-path", "qyx.inbox-dir",
                "samples/inbox  ← 示例模式默认值", "sun.jnu.encoding=UTF-8", "未设置：示例收件箱使用公开的演示密钥",
                "没有待执行的迁移", "来源：示例仓库", "referenceJob #", "COMPLETED", "运行锁：空闲", "结论：全部正常",
                "== 取数连接", "[提示] 邮箱：未启用（qyx.pull.mail.enabled=false）")
                .doesNotContain("[问题]");
    }

    @Test
    void aMissingInboxIsReported() throws Exception {
        Launches.Result r = doctor(with(sample, "--qyx.inbox-dir=" + work.resolve("no-inbox")));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("[问题] 收件箱（各部门报表）不存在：" + work.resolve("no-inbox"));
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsReported() throws Exception {
        Path file = Files.writeString(work.resolve("a-file"), "not a folder");
        Launches.Result r = doctor(with(sample, "--qyx.output-dir=" + file.resolve("out")));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("[问题] 发布输出文件夹无法创建：" + file.resolve("out"));
    }

    @Test
    void aRecordLevelExportWithoutAKeyIsReported() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("records-inbox"));
        Files.copy(Path.of("samples/inbox/平台_养老护理员持证名单_2023Q1-2026Q3.csv"), inbox.resolve("平台_养老护理员持证名单_2023Q1-2026Q3.csv"));
        Launches.Result r = doctor(List.of("--qyx.warehouse-path=" + work.resolve("real.duckdb"), "--qyx.inbox-dir=" + inbox));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("[问题] 公共数据平台收件箱", "需要哈希密钥")
                .containsPattern("qyx\\.platform\\.hash-key +\\(未设置\\)");
    }

    @Test
    void aPendingMigrationIsReported() throws Exception {
        Path old = work.resolve("old.duckdb");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + old)) {
            SchemaMigrator.migrate(c, 60);
        }
        Launches.Result r = doctor(with(sample, "--qyx.warehouse-path=" + old));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("[问题] 数据仓库结构版本 V60，有", "待执行的迁移 [65, 70");
    }

    @Test
    void aMisspelledKeyIsReported() throws Exception {
        Launches.Result r = doctor(with(sample, "--qyx.outptu-dir=x"));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("[问题] 配置项 qyx.outptu-dir", "是否想写 qyx.output-dir？");
    }

    @Test
    void aFailedExecutionOfAnotherWarehouseIsReported() throws Exception {
        Path metadata = work.resolve("shared-metadata");
        Path a = work.resolve("a.duckdb");
        Launches.Result killed = Launches.application(Map.of(), List.of("--spring.batch.job.name=referenceJob",
                "--qyx.warehouse-path=" + a, "--qyx.metadata-path=" + metadata, "--qyx.log-dir=" + work.resolve("logs")),
                "loadIndicatorCatalog");
        assertThat(killed.output()).contains("QYX-FAULT-HOLD loadIndicatorCatalog");
        Launches.Result r = doctor(with(sample, "--qyx.metadata-path=" + metadata));
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("[问题] referenceJob #", "STARTED", "数据仓库 " + a, "属于另一个数据仓库");
    }
}
