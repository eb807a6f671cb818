package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.qiyouxiang.ChildJvm;
import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.warehouse.FaultInjection;

/**
 * Restart after any crash: the nightly run is killed with kill -9 at several points, mid-transaction
 * (held there by {@link FaultInjection}), relaunched, and its warehouse compared table by table with
 * one from a run that was never interrupted.
 * <p>
 * Every run reads its own copy of {@link SampleInbox#SMALL}: every kind of input, with files loaded before and
 * after the two the run is killed in. The point is the restart, not the samples' content (the whole sample inbox
 * runs in NightlyAndExamplesIT); on all 141 sample files each run cost twice the CPU. The marts are built from
 * 2025Q1 (eight quarters, across the end of 2025, in the one refreshQuarters transaction) rather than from 2023Q1:
 * the same code for every quarter, at half the cost of that step, the largest of a run on this inbox.
 * <p>
 * Each run is its own JVM, as in production (compiled by C1 alone, which costs less for runs this short).
 * The work is done once: the uninterrupted run once for the class, and per kill point one JVM killed
 * there and one relaunched. All are started together when the class starts and run {@link #PARALLEL} at
 * a time (they share nothing but the read-only samples); each case then waits for its own pair and for
 * the uninterrupted run, and asserts.
 */
class CrashRestartIT {

    static final List<String> KILL_POINTS = List.of(
            "loadIndicatorCatalog",                                  // reference data
            "file:市卫健局2024年1-6月分镇街托育数据（修改版）.xlsx",      // during a spreadsheet (a revision)
            "file:平台_养老护理员持证名单_2023Q1-2026Q3.csv",            // during a record-level CSV export
            "refreshQuarters",                                       // during the marts
            "publishMarts");                                         // during publishing

    /** Child JVMs at a time: one per core, at least two (much of a run is one thread: the JVM start, the spreadsheets read one by one). */
    static final int PARALLEL = Math.max(2, Runtime.getRuntime().availableProcessors());

    static Path root;
    static ExecutorService forks;
    static final Set<Process> running = ConcurrentHashMap.newKeySet();
    static Future<Reference> uninterrupted;
    static final Map<String, Future<Crash>> crashes = new LinkedHashMap<>();

    /** The uninterrupted run and its warehouse. */
    record Reference(Forked run, TreeMap<String, List<String>> tables) {
    }

    /** A run killed at a point, the relaunch, and the relaunched run's warehouse. */
    record Crash(Forked killed, Forked resumed, TreeMap<String, List<String>> tables) {
    }

    @BeforeAll
    static void startEveryRun() throws Exception {
        root = Files.createTempDirectory("qyx-crash-");
        forks = Executors.newFixedThreadPool(PARALLEL);
        uninterrupted = forks.submit(() -> {
            Path work = root.resolve("reference-run");
            Forked first = run(work, null);
            return new Reference(first, first.exitCode == ExitCodes.SUCCESS || first.exitCode == ExitCodes.SUCCESS_WITH_WARNINGS
                    ? snapshot(work) : null);
        });
        for (String point : KILL_POINTS) {
            crashes.put(point, forks.submit(() -> {
                Path work = root.resolve("killed-in-" + point);
                Forked killed = run(work, point);
                if (!killed.held || killed.exitCode == 0) {
                    return new Crash(killed, null, null);
                }
                Forked resumed = run(work, null);
                boolean ended = resumed.exitCode == ExitCodes.SUCCESS || resumed.exitCode == ExitCodes.SUCCESS_WITH_WARNINGS;
                return new Crash(killed, resumed, ended ? snapshot(work) : null);
            }));
        }
        forks.shutdown();
    }

    @AfterAll
    static void stopWhatStillRuns() throws InterruptedException {
        forks.shutdownNow();
        running.forEach(Process::destroyForcibly);
        forks.awaitTermination(1, TimeUnit.MINUTES);
    }

    /** The uninterrupted run's warehouse, once it has finished (every case compares with this one run). */
    static TreeMap<String, List<String>> uninterrupted() throws Exception {
        Reference reference = result(uninterrupted);
        assertThat(reference.run.exitCode).as(reference.run.output).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(reference.tables).containsKeys("dim_indicator", "fct_indicator_target", "etl_file");
        return reference.tables;
    }

    static Stream<String> killPoints() {
        return KILL_POINTS.stream();
    }

    @ParameterizedTest
    @MethodSource("killPoints")
    void killedAtAnyPointTheRelaunchedRunEndsWithTheSameWarehouse(String point) throws Exception {
        Crash crash = result(crashes.get(point));
        Forked killed = crash.killed;
        assertThat(killed.held).as("the run reached " + point).isTrue();
        assertThat(killed.exitCode).isNotZero();

        Forked resumed = crash.resumed;
        assertThat(resumed.exitCode).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(resumed.output).contains("was left STARTED by a process that died").contains("Restarting nightlyJob");
        TreeMap<String, List<String>> uninterrupted = uninterrupted();
        TreeMap<String, List<String>> after = crash.tables;
        assertThat(after.keySet()).isEqualTo(uninterrupted.keySet());
        for (String table : uninterrupted.keySet()) {
            List<String> onlyUninterrupted = new ArrayList<>(uninterrupted.get(table));
            onlyUninterrupted.removeAll(after.get(table));
            List<String> onlyResumed = new ArrayList<>(after.get(table));
            onlyResumed.removeAll(uninterrupted.get(table));
            assertThat(after.get(table)).as("table " + table + ": only in the uninterrupted run "
                    + onlyUninterrupted.stream().limit(3).toList() + ", only in the resumed run "
                    + onlyResumed.stream().limit(3).toList()).isEqualTo(uninterrupted.get(table));
        }
    }

    /** The value of a run started in {@link #startEveryRun}; what went wrong in it, as thrown there. */
    static <T> T result(Future<T> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw (Error) e.getCause();
        }
    }

    record Forked(int exitCode, boolean held, String output) {
    }

    /** Runs nightlyJob in a child JVM on its own warehouse; with a hold point, kills it -9 there. */
    static Forked run(Path work, String holdAt) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path inbox = work.resolve("inbox");
        if (!Files.exists(inbox)) {
            SampleInbox.copy(inbox, SampleInbox.SMALL);
        }
        // C1 only (ChildJvm): the same code, compiled sooner; a nightly on the samples takes 35 s of CPU instead of 60
        List<String> command = ChildJvm.java();
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        if (holdAt != null) {
            command.add("-D" + FaultInjection.PROPERTY + "=" + holdAt);
        }
        command.addAll(List.of(QiyouxiangApplication.class.getName(), "--spring.batch.job.name=nightlyJob",
                "--qyx.inbox-dir=" + inbox, "--qyx.platform.hash-key=TEST-KEY-for-tests-only",
                "--qyx.quarantine-dir=" + work.resolve("quarantine"), "--qyx.nightly.evaluate-from=2025Q1",
                "--qyx.warehouse-path=" + work.resolve("w.duckdb"), "--qyx.metadata-path=" + work.resolve("meta"),
                "--qyx.log-dir=" + work.resolve("logs"), "--qyx.output-dir=" + work.resolve("out"),
                "--qyx.archive-dir=" + work.resolve("archive"), "--qyx.feedback-dir=" + work.resolve("out/feedback"),
                "--logging.threshold.console=INFO")); // the log lines asserted below, on the console too
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        running.add(p);
        StringBuilder output = new StringBuilder();
        boolean held = false;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                output.append(line).append('\n');
                if (holdAt != null && line.equals("QYX-FAULT-HOLD " + holdAt)) {
                    held = true;
                    p.destroyForcibly(); // SIGKILL: no shutdown hooks, no rollback, no clean close
                    break;
                }
            }
        } finally {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("nightlyJob in " + work + " did not end:\n" + output);
            }
            running.remove(p);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.printf("CrashRestartIT: nightlyJob in %s%s: exit %d after %d s%n", work.getFileName(),
                holdAt == null ? "" : " (killed at " + holdAt + ")", p.exitValue(), took.toSeconds());
        return new Forked(p.exitValue(), held, output.toString());
    }

    /** Every table's rows, sorted, without what legitimately differs between runs (times, surrogate ids, run ids, paths). */
    static TreeMap<String, List<String>> snapshot(Path work) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        TreeMap<String, List<String>> tables = new TreeMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("w.duckdb"), readOnly);
             Statement s = c.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
            for (String table : names) {
                List<String> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData m = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= m.getColumnCount(); i++) {
                            String column = m.getColumnName(i);
                            if (volatileColumn(column)) {
                                continue;
                            }
                            Object o = rs.getObject(i);
                            // DuckDB sums doubles in parallel, in no fixed order: compare to 9 significant digits,
                            // and a difference of such sums (noise around 1e-14) as zero
                            String v = o instanceof Double d ? (Math.abs(d) < 1e-9 ? "0" : String.format("%.9g", d)) : String.valueOf(o);
                            row.append(column).append('=').append(v.replace(work.toString(), "<work>")).append(';');
                        }
                        rows.add(row.toString());
                    }
                }
                rows.sort(null);
                tables.put(table, rows);
            }
        }
        return tables;
    }

    static boolean volatileColumn(String column) {
        return column.endsWith("_at") || column.equals("job_execution_id") || column.equals("value_id")
                || column.equals("file_id") || column.equals("fact_id") || column.equals("reject_id") || column.equals("indicator_key")
                || column.equals("run_id") || column.equals("applied_at");
    }
}
