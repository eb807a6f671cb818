package com.qiyouxiang.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.ChildJvm;
import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.benchmark.PlatformBenchmark;

/**
 * kill -9 in the middle of a large record-level export, then relaunch: the relaunched run (Spring
 * Batch restart through JobLaunchRunner) quarantines the file the process died reading (issue 14: a file
 * that kills the process is not read again by itself), loads nothing of it and leaves no temporary file;
 * the file put back by the clerk then loads exactly what an uninterrupted run loads from the same files,
 * no row twice and none missing. Each run is its own JVM, as in production.
 */
class PlatformRestartIT {

    static final int ROWS = 2_000_000;

    @TempDir
    Path work;

    @Test
    void aRunKilledMidFileAndRelaunchedLoadsExactlyWhatAnUninterruptedRunLoads() throws Exception {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        PlatformBenchmark.generate(inbox.resolve("平台_养老护理员持证名单_大文件.csv"), ROWS, Path.of("samples/reference/towns.csv"));
        Files.copy(PlatformJobTest.CHILDCARE, inbox.resolve(PlatformJobTest.CHILDCARE.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);

        // interrupted: killed while the large file loads, then relaunched with the same (no) parameters
        Path killed = Files.createDirectories(work.resolve("killed"));
        assertThat(run(killed, inbox, "referenceJob", null)).isZero();
        Integer exit = run(killed, inbox, "platformJob", "Loading 平台_养老护理员持证名单_大文件.csv");
        assertThat(exit).as("the first platformJob was killed").isNotZero();
        Map<String, Object> afterKill = state(killed);
        assertThat(afterKill.get("care_workers")).as("nothing of the file being loaded survives the kill").isEqualTo(0L);
        assertThat(afterKill.get("files_loaded")).isEqualTo(0L);
        // the kill left the Parquet staging file behind, half written: hashes and masked numbers only, never an ID
        // number, a mobile or a name
        List<Path> leftovers = temporaryFiles(killed);
        assertThat(leftovers).as("the staging file of the killed run").isNotEmpty();
        for (Path f : leftovers) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(PersonalDataScanTest.leaks(new String(bytes, StandardCharsets.ISO_8859_1), java.util.Set.of()))
                    .as("personal data in " + f).isEmpty();
            assertThat(PersonalDataScanTest.contains(bytes, "测试人员".getBytes(StandardCharsets.UTF_8))).as("a name in " + f).isFalse();
        }
        // the relaunch finds the file's reading mark (the process died inside its read): it quarantines the file
        // instead of reading it again (a file that kills the process must not stop every night), completes, and
        // warns (exit 4) with the quarantined file named in the clerk's summary
        assertThat(run(killed, inbox, "platformJob", null)).as("the relaunch quarantines the file, completes and warns:\n" + lastLog)
                .isEqualTo(4);
        assertThat(lastLog).as("the clerk's summary names the quarantined file").contains("已隔离").contains("平台_养老护理员持证名单_大文件.csv");
        assertThat(temporaryFiles(killed)).as("the relaunch deleted what the killed run left").isEmpty();
        assertThat(state(killed).get("care_workers")).as("nothing of the quarantined file is loaded").isEqualTo(0L);
        List<Path> quarantined;
        try (java.util.stream.Stream<Path> files = Files.walk(killed.resolve("quarantine"))) {
            quarantined = files.filter(Files::isRegularFile).toList();
        }
        assertThat(quarantined).extracting(f -> f.getFileName().toString()).containsExactly("平台_养老护理员持证名单_大文件.csv");
        assertThat(inbox.resolve("平台_养老护理员持证名单_大文件.csv")).doesNotExist();
        // the clerk puts it back (it was a kill, not a poison file): the next launch loads it whole
        Files.move(quarantined.get(0), inbox.resolve("平台_养老护理员持证名单_大文件.csv"));
        // (exit 4 as in the uninterrupted run below: the file's lines with bad check digits are rejected)
        assertThat(run(killed, inbox, "platformJob", null)).as("the file put back loads").isEqualTo(4);

        // uninterrupted, from the same files
        Path clean = Files.createDirectories(work.resolve("clean"));
        assertThat(run(clean, inbox, "referenceJob", null)).isZero();
        assertThat(run(clean, inbox, "platformJob", null)).as("rejected lines: success with warnings").isEqualTo(4);

        Map<String, Object> resumed = new java.util.HashMap<>(state(killed));
        Map<String, Object> expected = new java.util.HashMap<>(state(clean));
        assertThat(expected.get("care_workers")).isEqualTo((long) ROWS - ROWS / 100_000);
        // the killed warehouse also keeps the quarantine's own file-level record (etl_reject) of the first copy
        assertThat((Long) resumed.remove("rejects")).isEqualTo((Long) expected.remove("rejects") + 1);
        assertThat(resumed).isEqualTo(expected);

        // the bad check digits sit on every 100,000th person: line 100,001, 200,001, ... (the header is line 1)
        List<Long> expectedLines = new ArrayList<>();
        for (long i = 1; i <= ROWS / 100_000; i++) {
            expectedLines.add(i * 100_000 + 1);
        }
        for (Path dir : List.of(killed, clean)) {
            assertThat(rejectLines(dir, "平台_养老护理员持证名单_大文件.csv")).isEqualTo(expectedLines);
        }
    }

    static List<Path> temporaryFiles(Path dir) throws Exception {
        Path tmp = dir.resolve("tmp");
        if (!Files.isDirectory(tmp)) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(tmp)) {
            return files.toList();
        }
    }

    /** The size of the largest file in dir/tmp (0 when none). */
    static long largestTemporaryFile(Path dir) throws Exception {
        long largest = 0;
        for (Path f : temporaryFiles(dir)) {
            try {
                largest = Math.max(largest, Files.size(f));
            } catch (java.nio.file.NoSuchFileException gone) {
                // deleted meanwhile
            }
        }
        return largest;
    }

    /** The lines of the file's rejects (a file-level record, row 0, such as a quarantine's, is not a line). */
    static List<Long> rejectLines(Path dir, String file) throws Exception {
        List<Long> lines = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb") + ";access_mode=READ_ONLY");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT row_number FROM etl_reject WHERE file_name = '" + file + "'"
                     + " AND row_number > 0 ORDER BY 1")) {
            while (rs.next()) {
                lines.add(rs.getLong(1));
            }
        }
        return lines;
    }

    /**
     * Runs a job in a new JVM against the warehouse in dir; when killAfter is given, kills the JVM
     * (SIGKILL) once that text has appeared in its log and the staging file in dir/tmp has grown past 16 MB
     * (more than one Parquet row group, so every staged column has been written): in the middle of the file.
     *
     * @return the exit code (137 or similar when killed); the process's output is in {@link #lastLog}
     */
    /** The output of the last {@link #run}. */
    private String lastLog = "";

    Integer run(Path dir, Path inbox, String job, String killAfter) throws Exception {
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-Xmx512m", "-cp", applicationClassPath(), QiyouxiangApplication.class.getName(),
                "--spring.batch.job.name=" + job,
                "--qyx.warehouse-path=" + dir.resolve("warehouse.duckdb"), "--qyx.platform.hash-key=TEST-KEY-for-tests-only",
                "--qyx.metadata-path=" + dir.resolve("batch-metadata"), "--qyx.log-dir=" + dir.resolve("logs"),
                // application.yml prefixes the metadata path with ./ (meant for relative paths): give the URL whole
                "--spring.datasource.url=jdbc:h2:file:" + dir.resolve("batch-metadata").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0",
                "--qyx.platform.inbox-dir=" + inbox, "--qyx.inbox-dir=" + inbox, // a real inbox: not the sample warehouse's
                "--qyx.platform.temp-dir=" + dir.resolve("tmp"), "--qyx.quarantine-dir=" + dir.resolve("quarantine"),
                "--logging.threshold.console=INFO")); // the log line it waits for, on the console too
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        CountDownLatch seen = new CountDownLatch(1);
        StringBuilder log = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.append(line).append('\n');
                    if (killAfter != null && line.contains(killAfter)) {
                        seen.countDown();
                    }
                }
            } catch (Exception ignored) {
                // the process died
            }
        });
        reader.start();
        if (killAfter != null) {
            assertThat(seen.await(5, TimeUnit.MINUTES)).as("'" + killAfter + "' in the log:\n" + log).isTrue();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (largestTemporaryFile(dir) < (16 << 20) && process.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(largestTemporaryFile(dir)).as("the staging file grows:\n" + log).isGreaterThanOrEqualTo(16 << 20);
            process.destroyForcibly();
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        reader.join();
        lastLog = log.toString();
        return process.exitValue();
    }

    /** The application's classes and the dependency jars (not the test classes, no entry twice). */
    static String applicationClassPath() {
        java.util.Set<String> entries = new java.util.LinkedHashSet<>();
        entries.add(Path.of("target/classes").toAbsolutePath().toString());
        for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            if (e.endsWith(".jar") && !e.contains("surefire")) {
                entries.add(e);
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** What the warehouse holds: record rows and distinct persons, rejects, files, derived facts. */
    static Map<String, Object> state(Path dir) throws Exception {
        Map<String, Object> state = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb") + ";access_mode=READ_ONLY");
             Statement s = c.createStatement()) {
            for (Map.Entry<String, String> q : Map.of(
                    "care_workers", "SELECT count(*) FROM rec_care_worker",
                    "distinct_persons", "SELECT count(DISTINCT person_hash) FROM rec_care_worker",
                    "town_sums", "SELECT coalesce(sum(hash(town_code || period_code)), 0) FROM rec_care_worker",
                    "institutions", "SELECT count(*) FROM rec_childcare_institution",
                    "rejects", "SELECT count(*) FROM etl_reject",
                    "reject_lines", "SELECT coalesce(sum(row_number), 0) FROM etl_reject",
                    "files_loaded", "SELECT count(*) FROM etl_file WHERE status LIKE 'loaded%' AND source_kind LIKE 'platform%'",
                    "derived_facts", "SELECT count(*) FROM fct_indicator_value WHERE source_kind = 'derived' AND is_current",
                    "h13_sum", "SELECT coalesce(sum(numerator), 0) FROM fct_indicator_value WHERE indicator_code = 'H13' AND is_current")
                    .entrySet()) {
                try (ResultSet rs = s.executeQuery(q.getValue())) {
                    rs.next();
                    state.put(q.getKey(), ((Number) rs.getObject(1)).longValue());
                }
            }
        }
        return new java.util.TreeMap<>(state);
    }
}
