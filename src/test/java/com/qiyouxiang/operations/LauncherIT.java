package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;

import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.samples.CatalogWorkbookWriter;

/**
 * The launch contract as data staff use it: the application run with --spring.batch.job.name and
 * key=value parameters (what jobs/run does), its exit codes, and the status and query commands.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LauncherIT {

    static Path work;
    static Path reference;

    @BeforeAll
    static void folders() throws Exception {
        work = Files.createTempDirectory("qyx-launcher-");
        reference = work.resolve("reference");
        Files.createDirectories(reference);
        try (Stream<Path> files = Files.list(Path.of("samples/reference"))) {
            for (Path f : files.toList()) {
                Files.copy(f, reference.resolve(f.getFileName()));
            }
        }
    }

    record Result(int exitCode, String out) {
    }

    /** Another process holding the run lock of w.duckdb (RunLockTest's main), started and waited for until it holds it. */
    static Process startLockHolder() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunLockTest.class.getName(), work.resolve("w.duckdb").toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream()));
        String line;
        while ((line = out.readLine()) != null && !line.equals("locked")) {
            // wait for the holder
        }
        return holder;
    }

    static Result launch(String... args) {
        List<String> all = new ArrayList<>(List.of(
                "--qyx.warehouse-path=" + work.resolve("w.duckdb"),
                "--qyx.metadata-path=" + work.resolve("meta"),
                "--qyx.log-dir=" + work.resolve("logs"),
                "--qyx.reference-dir=" + reference,
                "--qyx.query-database=" + work.resolve("marts.duckdb"),
                "--logging.level.root=OFF", "--logging.level.com.qiyouxiang=OFF"));
        all.addAll(List.of(args));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = SpringApplication.exit(SpringApplication.run(QiyouxiangApplication.class, all.toArray(String[]::new)));
            return new Result(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    @Test
    @Order(1)
    void successIsZeroAndWritesARunSummaryUnderTheLogDir() throws Exception {
        assertThat(launch("--spring.batch.job.name=referenceJob").exitCode()).isEqualTo(ExitCodes.SUCCESS);
        try (Stream<Path> runs = Files.list(work.resolve("logs/runs"))) {
            Path summary = runs.filter(p -> p.getFileName().toString().contains("referenceJob")).findFirst().orElseThrow();
            assertThat(Files.readString(summary)).contains("Run summary: referenceJob", "COMPLETED", "21 headline");
        }
    }

    @Test
    @Order(2)
    void rejectedRowsMeanSuccessWithWarnings() throws Exception {
        Path workbook = reference.resolve("七优享指标目录.xlsx");
        CatalogWorkbookWriter.write(workbook, CatalogWorkbookWriter.Variant.TYPED_XLSX,
                CatalogWorkbookWriter.PLAN_TABLE.replace("\t84.2\t", "\t约84\t"));
        assertThat(launch("--spring.batch.job.name=referenceJob").exitCode()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        CatalogWorkbookWriter.write(workbook, CatalogWorkbookWriter.Variant.TYPED_XLSX);
    }

    @Test
    @Order(3)
    void failureIsOneAndStatusShowsWhatFailed() throws Exception {
        Path workbook = reference.resolve("七优享指标目录.xlsx");
        Path aside = work.resolve("aside.xlsx");
        Files.move(workbook, aside);
        try {
            assertThat(launch("--spring.batch.job.name=referenceJob", "effectiveYear=2024").exitCode()).isEqualTo(ExitCodes.FAILED);
        } finally {
            Files.move(aside, workbook);
        }
        Result status = launch("--qyx.command=status");
        assertThat(status.exitCode()).isZero();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).contains("job", "parameters", "status", "started", "duration", "failed step", "exit message");
        assertThat(lines.get(2)).contains("referenceJob", "effectiveYear=2024", "FAILED", "loadIndicatorCatalog", "Catalog workbook not found");
        assertThat(lines).anyMatch(l -> l.contains("COMPLETED"));
    }

    @Test
    @Order(4)
    void badArgumentsAreTwo() {
        assertThat(launch("--spring.batch.job.name=noSuchJob").exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(launch().exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(launch("--spring.batch.job.name=referenceJob", "notKeyValue").exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
        assertThat(launch("--qyx.command=frobnicate").exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    }

    @Test
    @Order(5)
    void aSecondLaunchWhileOneRunsIsThree() throws Exception {
        Process holder = startLockHolder();
        try {
            assertThat(launch("--spring.batch.job.name=referenceJob").exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // and once the holder is gone (killed), the next launch runs
        assertThat(launch("--spring.batch.job.name=referenceJob").exitCode()).isEqualTo(ExitCodes.SUCCESS);
    }

    @Test
    @Order(6)
    void queryPrintsAnAlignedTableOrCsvFromThePublishedFileAndReadsSqlFiles() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("marts.duckdb"));
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (指标 VARCHAR, 值 DOUBLE); INSERT INTO t VALUES ('普惠托位占比', 63.5), ('H01', 4.1)");
        }
        Result table = launch("--qyx.command=query", "SELECT * FROM t ORDER BY 值 DESC");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().toList()).containsExactly(
                "指标         | 值", "-------------+-----", "普惠托位占比 | 63.5", "H01          | 4.1", "(2 rows)");

        Result csv = launch("--qyx.command=query", "SELECT * FROM t ORDER BY 值 DESC", "--csv");
        assertThat(csv.out().lines().toList()).containsExactly("\uFEFF指标,值", "普惠托位占比,63.5", "H01,4.1");

        Path file = work.resolve("q.sql");
        Files.writeString(file, "-- which is biggest\nSELECT 指标 FROM t ORDER BY 值 DESC LIMIT 1;\n");
        assertThat(launch("--qyx.command=query", file.toString(), "--csv").out()).isEqualTo("\uFEFF指标\r\n普惠托位占比\r\n");

        assertThat(launch("--qyx.command=query", "SELECT * FROM no_such_table").exitCode()).isEqualTo(ExitCodes.FAILED);
        assertThat(launch("--qyx.command=query").exitCode()).isEqualTo(ExitCodes.BAD_ARGUMENTS);
    }

    @Test
    @Order(7)
    void queryWarehouseReadsTheStarSchemaAndRefusesWhileARunHoldsTheLock() throws Exception {
        // the warehouse w.duckdb was made by the referenceJob runs above
        Result towns = launch("--qyx.command=query", "--warehouse", "SELECT count(*) AS towns FROM dim_town WHERE level = 'town'", "--csv");
        assertThat(towns.exitCode()).isZero();
        assertThat(towns.out().lines().toList()).containsExactly("\uFEFFtowns", "23");

        Process holder = startLockHolder();
        try {
            assertThat(launch("--qyx.command=query", "--warehouse", "SELECT 1").exitCode()).isEqualTo(ExitCodes.ALREADY_RUNNING);
        } finally {
            holder.destroyForcibly().waitFor();
        }
        // the query released the lock: a run goes ahead
        assertThat(launch("--spring.batch.job.name=referenceJob").exitCode()).isEqualTo(ExitCodes.SUCCESS);
    }
}
