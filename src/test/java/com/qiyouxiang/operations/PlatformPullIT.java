package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.intake.pull.FakePlatform;
import com.qiyouxiang.warehouse.FileRegistry;

/**
 * The nightly run with platformPull on, in child JVMs, against a platform interface on 127.0.0.1 serving the sample
 * indicator export: killed while the export is being landed, the inbox holds no partial file; the relaunch completes
 * the run; and its warehouse has the same figures and rejects as a nightly on a folder inbox holding that export.
 */
class PlatformPullIT {

    static final Path SAMPLE = Path.of("samples/inbox/平台_指标数据_2024Q2.csv");
    static final String NAME = "平台_指标数据_2024Q2.csv";

    @TempDir
    Path work;

    @Test
    void aKilledPullLeavesNoPartialFileAndTheRelaunchGivesTheFolderInboxWarehouse() throws Exception {
        try (FakePlatform platform = new FakePlatform().serve(SAMPLE, Path.of("jobs/sources/platform/pull/indicators.yml"),
                "2024Q2", "2024-07-15 09:30:00")) {
            Path pulled = Files.createDirectories(work.resolve("pulled/inbox"));
            List<String> pull = new ArrayList<>(args(work.resolve("pulled")));
            pull.addAll(List.of("--qyx.pull.platform.enabled=true", "--qyx.pull.platform.base-url=" + platform.baseUrl(),
                    "--qyx.pull.platform.app-key=" + FakePlatform.KEY, "--qyx.pull.platform.from-period=2024Q2",
                    "--qyx.pull.platform.backoff=10ms"));
            Map<String, String> env = Map.of("QYX_PULL_PLATFORM_APPSECRET", FakePlatform.SECRET);

            Launches.Result killed = Launches.application(env, pull, "land:" + NAME);
            assertThat(killed.output()).contains("QYX-FAULT-HOLD land:" + NAME);
            assertThat(visible(pulled)).as("nothing an ingest would read").isEmpty();

            Launches.Result resumed = Launches.application(env, pull);
            assertThat(resumed.exitCode()).as(resumed.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
            assertThat(resumed.output()).contains("数据平台接口取数");
            assertThat(visible(pulled)).containsExactly(NAME);
            assertThat(all(pulled)).as("no temporary file left").containsExactly(NAME);
            Path warehouse = work.resolve("pulled/w.duckdb");
            assertThat(rows(warehouse, "SELECT checksum_sha256 FROM pull_file WHERE file_name IS NOT NULL"))
                    .containsExactly(FileRegistry.sha256(pulled.resolve(NAME)));

            // the same export in a folder inbox (without the sample's one short line, which a JSON interface cannot carry)
            Path folder = Files.createDirectories(work.resolve("folder/inbox"));
            List<String> lines = new ArrayList<>(Files.readAllLines(SAMPLE, StandardCharsets.UTF_8));
            lines.removeIf(l -> l.split(",", -1).length == 5 && !l.contains("\""));
            Files.write(folder.resolve(NAME), lines, StandardCharsets.UTF_8);
            Launches.Result plain = Launches.application(Map.of(), args(work.resolve("folder")));
            assertThat(plain.exitCode()).as(plain.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);

            String facts = "SELECT indicator_code || ' ' || town_code || ' ' || period_code || ' ' || value || ' ' || source_kind "
                    + "|| ' ' || coalesce(bureau_code, '') || ' ' || revision FROM fct_indicator_value ORDER BY 1";
            String rejects = "SELECT coalesce(CAST(row_number AS VARCHAR), '') || ' ' || reason_code || ' ' || coalesce(raw_value, '') "
                    + "FROM etl_reject ORDER BY 1";
            assertThat(rows(warehouse, facts)).isNotEmpty().isEqualTo(rows(work.resolve("folder/w.duckdb"), facts));
            assertThat(rows(warehouse, rejects)).isEqualTo(rows(work.resolve("folder/w.duckdb"), rejects));
        }
    }

    static List<String> args(Path dir) {
        return List.of("--spring.batch.job.name=nightlyJob", "--qyx.inbox-dir=" + dir.resolve("inbox"),
                "--qyx.warehouse-path=" + dir.resolve("w.duckdb"), "--qyx.metadata-path=" + dir.resolve("meta"),
                "--qyx.log-dir=" + dir.resolve("logs"), "--qyx.output-dir=" + dir.resolve("out"),
                "--qyx.archive-dir=" + dir.resolve("archive"), "--qyx.feedback-dir=" + dir.resolve("out/feedback"),
                "--qyx.nightly.evaluate-from=2026Q3"); // the figures are the point here, not every quarter's marts
    }

    static List<String> visible(Path dir) throws Exception {
        return all(dir).stream().filter(n -> !n.startsWith(".")).toList();
    }

    static List<String> all(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    static List<String> rows(Path database, String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + database.toAbsolutePath(), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
