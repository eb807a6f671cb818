package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One home, and restart bound to its warehouse: QYX_HOME places every folder; a warehouse records where its data
 * came from and refuses the other kind of inbox; a failed execution of warehouse A is never restarted on warehouse B
 * sharing A's job metadata: B gets a complete run, and A's execution still restarts on A.
 */
class WarehouseBindingIT {

    @TempDir
    Path work;

    static List<String> args(String job, String... more) {
        List<String> args = new ArrayList<>(List.of("--spring.batch.job.name=" + job));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void qyxHomePlacesEveryFolderAndARealWarehouseRefusesTheDemoInbox() throws Exception {
        Path home = work.resolve("home");
        Files.createDirectories(home.resolve("inbox"));
        Map<String, String> env = Map.of("QYX_HOME", home.toString());
        Launches.Result first = Launches.application(env, args("referenceJob"));
        assertThat(first.exitCode()).as(first.output()).isEqualTo(ExitCodes.SUCCESS);
        Path warehouse = home.resolve("warehouse/qiyouxiang.duckdb");
        assertThat(warehouse).isRegularFile();
        assertThat(home.resolve("warehouse/qiyouxiang.duckdb.batch-metadata.mv.db")).as("metadata beside its warehouse").isRegularFile();
        assertThat(home.resolve("logs/qiyouxiang.log")).isRegularFile();
        assertThat(Launches.tree(home.resolve("logs/runs"))).hasSize(1);
        assertThat(home.resolve("out/feedback")).isDirectory();
        assertThat(home.resolve("archive")).isDirectory();
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_warehouse_origin WHERE NOT sample_mode AND inbox_dir = '"
                + home.resolve("inbox") + "'")).isEqualTo(1);

        Launches.Result demo = Launches.application(env, args("ingestJob", "--qyx.inbox-dir=samples/inbox"));
        assertThat(demo.exitCode()).as(demo.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(demo.output()).contains("存放正式数据，不能载入自带的示例收件箱");
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE source_kind = 'spreadsheet'")).isZero();
    }

    @Test
    void theSampleWarehouseRefusesARealInbox() throws Exception {
        Path warehouse = work.resolve("sample.duckdb");
        Path inbox = Files.createDirectories(work.resolve("real-inbox"));
        List<String> common = List.of("--qyx.warehouse-path=" + warehouse, "--qyx.log-dir=" + work.resolve("logs"),
                "--qyx.output-dir=" + work.resolve("out"), "--qyx.archive-dir=" + work.resolve("archive"));
        List<String> reference = args("referenceJob");
        reference.addAll(common);
        assertThat(Launches.application(Map.of(), reference).exitCode()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_warehouse_origin WHERE sample_mode")).isEqualTo(1);

        List<String> real = args("ingestJob", "--qyx.inbox-dir=" + inbox);
        real.addAll(common);
        Launches.Result r = Launches.application(Map.of(), real);
        assertThat(r.exitCode()).as(r.output()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(r.output()).contains("是示例仓库", "QYX_HOME");
    }

    @Test
    void aFailedRunOfWarehouseAIsNotRestartedOnWarehouseB() throws Exception {
        Path metadata = work.resolve("shared-metadata");
        List<String> common = List.of("--qyx.metadata-path=" + metadata, "--qyx.log-dir=" + work.resolve("logs"),
                "--logging.threshold.console=INFO"); // the launcher's log lines, on the console too
        Path a = work.resolve("a.duckdb");
        Path b = work.resolve("b.duckdb");
        List<String> onA = args("referenceJob", "--qyx.warehouse-path=" + a);
        onA.addAll(common);
        List<String> onB = args("referenceJob", "--qyx.warehouse-path=" + b);
        onB.addAll(common);

        // A dies in its second step (killed -9 before the catalog commits): loadReferenceData is COMPLETED
        Launches.Result killed = Launches.application(Map.of(), onA, "loadIndicatorCatalog");
        assertThat(killed.output()).contains("QYX-FAULT-HOLD loadIndicatorCatalog");

        Launches.Result onWarehouseB = Launches.application(Map.of(), onB);
        assertThat(onWarehouseB.exitCode()).as(onWarehouseB.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(onWarehouseB.output()).contains("belongs to another warehouse, " + a).doesNotContain("Restarting referenceJob");
        // a complete run: the step A had finished ran on B too, so B holds every dimension and the catalog
        assertThat(Launches.count(b, "SELECT count(*) FROM dim_domain")).isEqualTo(7);
        assertThat(Launches.count(b, "SELECT count(*) FROM dim_town WHERE level = 'town'")).isEqualTo(23);
        assertThat(Launches.count(b, "SELECT count(*) FROM dim_indicator")).isPositive();

        // and A's own failed execution is still A's to resume
        Launches.Result resumedOnA = Launches.application(Map.of(), onA);
        assertThat(resumedOnA.exitCode()).as(resumedOnA.output()).isEqualTo(ExitCodes.SUCCESS);
        assertThat(resumedOnA.output()).contains("was left STARTED by a process that died", "Restarting referenceJob");
        assertThat(Launches.count(a, "SELECT count(*) FROM dim_indicator")).isPositive();
    }
}
