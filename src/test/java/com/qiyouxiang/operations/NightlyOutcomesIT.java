package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.SpringApplication;

import com.qiyouxiang.QiyouxiangApplication;
import com.qiyouxiang.warehouse.FaultInjection;

/**
 * The nightly run's outcome as the clerk meets it, with real launches on a copy of the sample inbox
 * into which the files bureaus really send by mistake were dropped (a PDF, a Word file, an unknown
 * CSV, an empty file, a password-protected workbook, a PDF in 情况说明/, an export with a bad byte):
 * <ol>
 * <li>a night that fails after the ingests refused files exits 1; its relaunch restarts it and exits 4,
 * not 0 (the refused files and rejected rows of the steps before the restart count);</li>
 * <li>every file of the inbox is in etl_file with its Chinese reason, the counts reconcile, the bureau
 * named in a file's name gets a 退回重报 workbook and its 催报 line names the file;</li>
 * <li>the console shows the clerk's summary only: Chinese, one screen, town names, counts as in etl_file;</li>
 * <li>the next night, with the refused files still in the inbox, exits 4 again.</li>
 * </ol>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NightlyOutcomesIT {

    static Path work;
    static Path inbox;
    static Launch failed;
    static Launch resumed;

    record Launch(int exitCode, String console) {
    }

    /** The files dropped into the inbox, with the reason each must be recorded with. */
    static final Map<String, String> DROPPED = MistakenFiles.REASONS;

    @BeforeAll
    static void inboxWithTheFilesBureausSendByMistake() throws Exception {
        work = Files.createTempDirectory("qyx-outcomes-");
        inbox = work.resolve("inbox");
        ChildRun.copyTree(Path.of("samples/inbox"), inbox);
        MistakenFiles.drop(inbox, inbox.resolve("残联2026年第三季度指标报送.xlsx"));
    }

    static Launch nightly() {
        List<String> args = new ArrayList<>(List.of("--spring.batch.job.name=nightlyJob",
                "--qyx.inbox-dir=" + inbox, "--qyx.warehouse-path=" + work.resolve("w.duckdb"),
                "--qyx.metadata-path=" + work.resolve("meta"), "--qyx.log-dir=" + work.resolve("logs"),
                "--qyx.output-dir=" + work.resolve("out"), "--qyx.archive-dir=" + work.resolve("archive"),
                "--qyx.feedback-dir=" + work.resolve("out/feedback"), "--qyx.platform.hash-key=TEST-KEY-for-tests-only",
                // what is asserted (the files' outcomes, the console's wording and counts, 2026Q3's 催报 lines) needs no
                // earlier quarter's marts; every quarter since 2023Q1 cost each of the four nights 8-10 s more
                "--qyx.nightly.evaluate-from=2026Q3"));
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int code = SpringApplication.exit(SpringApplication.run(QiyouxiangApplication.class, args.toArray(String[]::new)));
            return new Launch(code, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
    }

    static List<Map<String, Object>> query(String sql) throws Exception {
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + work.resolve("w.duckdb"), readOnly);
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    @Order(1)
    void aNightThatFailsAfterRefusingFilesExitsOneAndItsRestartExitsFour() {
        System.setProperty(FaultInjection.FAIL_PROPERTY, "refreshQuarters");
        try {
            failed = nightly();
        } finally {
            System.clearProperty(FaultInjection.FAIL_PROPERTY);
        }
        assertThat(failed.exitCode()).as(failed.console()).isEqualTo(ExitCodes.FAILED);
        assertThat(failed.console()).contains("运行失败（退出码 1）", "季度评价：失败", "请再次运行");

        resumed = nightly();
        assertThat(resumed.exitCode()).as(resumed.console()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(resumed.console()).contains("（退出码 4）", "本次为续跑", "部门报表：完成");
    }

    @Test
    @Order(2)
    void everyFileOfTheInboxIsInEtlFileWithItsChineseReason() throws Exception {
        for (Map.Entry<String, String> dropped : DROPPED.entrySet()) {
            List<Map<String, Object>> rows = query("SELECT status, message FROM etl_file WHERE file_name = '" + dropped.getKey() + "'");
            assertThat(rows).as(dropped.getKey()).singleElement()
                    .satisfies(r -> assertThat(String.valueOf(r.get("message"))).contains(dropped.getValue()))
                    .satisfies(r -> assertThat(r.get("status")).isIn("unrecognised", "failed"));
        }
        // every file of the inbox (and its subfolders), of every type, has its row
        try (Stream<Path> files = Files.walk(inbox)) {
            List<String> names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            List<Object> registered = query("SELECT DISTINCT file_name FROM etl_file").stream().map(r -> r.get("file_name")).toList();
            assertThat(registered).containsAll(names);
        }
        // no English reached a reason, and the counts reconcile
        assertThat(query("SELECT message FROM etl_file WHERE status NOT LIKE 'loaded%'"))
                .allSatisfy(r -> assertThat(String.valueOf(r.get("message"))
                        .replaceAll("Excel|WPS|UTF-8|GBK|GB18030|xlsx|xls|csv|tsv|txt|zip bomb", "")).doesNotContainPattern("[A-Za-z]{3,}"));
        assertThat(query("SELECT file_id FROM etl_file WHERE rows_read <> rows_loaded + rows_rejected + rows_ignored")).isEmpty();
        // the bureau named in the file's name: its 退回重报 workbook, and its 催报 lines name the file
        assertThat(query("SELECT bureau_code FROM etl_file WHERE file_name = '建设局2026年第三季度分镇街报表.pdf'"))
                .singleElement().satisfies(r -> assertThat(r.get("bureau_code")).isEqualTo("JS"));
        try (Stream<Path> feedback = Files.walk(work.resolve("out/feedback"))) {
            assertThat(feedback.map(p -> p.getFileName().toString()))
                    .contains("建设局2026年第三季度分镇街报表_退回重报.xlsx", "残联2026年第三季度指标报送（加密）_退回重报.xlsx");
        }
        assertThat(query("SELECT message_zh FROM mart_data_completeness WHERE quarter_code = '2026Q3' AND bureau_code = 'JS' AND expected_period = '2026Q3'"))
                .isNotEmpty().allSatisfy(r -> assertThat(String.valueOf(r.get("message_zh")))
                        .contains("已收到但未能读取的文件：建设局2026年第三季度分镇街报表.pdf：不是可读取的表格或数据文件"));
    }

    @Test
    @Order(3)
    void theConsoleShowsTheClerksSummaryOnOneScreenInChinese() throws Exception {
        String console = resumed.console();
        System.out.println(console);
        List<String> lines = console.lines().toList();
        assertThat(lines).hasSizeLessThanOrEqualTo(ClerkSummary.MAX_LINES);
        assertThat(console).contains("七优享数据仓运行结果：每日运行", "文件：共 ", "部门报表：", "未能入库的文件", "需要处理：",
                "各步骤：", "季度评价：完成", "数据质量检查：完成", "反馈表（发给报送单位）：", "运行记录（完整清单）：");
        // a town name, not a code (the revised figures of the 修改版 file)
        List<Object> towns = query("SELECT town_name FROM dim_town WHERE level = 'town'").stream().map(r -> r.get("town_name")).toList();
        assertThat(towns).anyMatch(t -> console.contains(t.toString()));
        assertThat(console).doesNotContainPattern("3306810\\d\\d");
        // no Java maps, no library log lines, no generic step counters
        assertThat(console).doesNotContain("{", "=", "INFO", "WARN", "read 0, written 0");
        // the counts are etl_file's
        Map<String, Object> files = query("""
                SELECT count(*) AS files, sum(rows_read) AS read, sum(rows_loaded) AS loaded, sum(rows_rejected) AS rejected,
                       count(*) FILTER (WHERE status NOT LIKE 'loaded%') AS refused
                FROM etl_file""").get(0);
        assertThat(((Number) files.get("refused")).longValue()).isGreaterThanOrEqualTo(DROPPED.size());
        assertThat(console).contains("文件：共 " + files.get("files") + " 个");
        assertThat(console).contains(String.format("读取 %,d 行（入库 %,d + 退回 %,d", ((Number) files.get("read")).longValue(),
                ((Number) files.get("loaded")).longValue(), ((Number) files.get("rejected")).longValue()));
        for (Map<String, Object> refused : query("SELECT status, count(*) AS n FROM etl_file WHERE status NOT LIKE 'loaded%' GROUP BY status")) {
            assertThat(console).contains(refused.get("n") + " 个文件" + FileStatusText.of(refused.get("status").toString()));
        }
        // the run log keeps the English summary and the Chinese one
        try (Stream<Path> runs = Files.list(work.resolve("logs/runs"))) {
            Path last = runs.sorted().reduce((a, b) -> b).orElseThrow();
            assertThat(Files.readString(last)).contains("Run summary: nightlyJob", "七优享数据仓运行结果");
        }
    }

    @Test
    @Order(4)
    void theNextNightWithTheRefusedFilesStillInTheInboxExitsFourAgain() throws Exception {
        Launch next = nightly();
        assertThat(next.exitCode()).as(next.console()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(next.console()).contains("【此前已收到】", "需要处理：");
        try (Stream<Path> runs = Files.list(work.resolve("logs/runs"))) {
            Path last = runs.sorted().reduce((a, b) -> b).orElseThrow();
            assertThat(Files.readString(last)).contains(DROPPED.keySet());
        }
        // once the bureau's files are dealt with (moved out of the inbox), the night is clean of them
        // (the sample inbox's own unrecognised 回执 stays: it still counts)
        try (Stream<Path> files = Files.walk(inbox)) {
            for (Path p : files.filter(p -> DROPPED.containsKey(p.getFileName().toString())).toList()) {
                Files.move(p, work.resolve(p.getFileName()));
            }
        }
        Launch after = nightly();
        assertThat(after.exitCode()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(after.console()).contains("2024年第三季度数据报送回执.xlsx", "1 个文件无法识别");
        DROPPED.keySet().forEach(name -> assertThat(after.console()).doesNotContain(name));
    }
}
