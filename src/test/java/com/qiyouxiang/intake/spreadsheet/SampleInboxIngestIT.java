package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.operations.RunSummaryListener;
import com.qiyouxiang.samples.BureauInboxWriter;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The whole sample inbox, freshly generated, through ingestJob: every file reconciles, every
 * deliberate error sits in etl_reject at its exact cell with a feedback workbook for its file, the
 * 回执 is refused and stays, a second run loads nothing, and the 修改版 is revision 2 with its changes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SampleInboxIngestIT extends WarehouseJobTest {

    @TempDir
    static Path work;

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;
    @Autowired
    @Qualifier("ingestJob")
    Job ingestJob;
    @Autowired
    Warehouse warehouse;

    JdbcTemplate jdbc;
    Path inbox;
    JobExecution first; // not a method: @SpringBatchTest would call it

    @BeforeAll
    void loadInbox() throws Exception {
        inbox = work.resolve("inbox");
        BureauInboxWriter.write(inbox);
        IngestRuns.reference(jobs, referenceJob);
        first = IngestRuns.ingest(jobs, ingestJob, inbox);
        jdbc = warehouse.jdbc();
    }

    @Test
    @Order(1)
    void everyFileIsLoadedAndReconciles() {
        System.out.println(RunSummaryListener.render(first, List.of()));
        List<Map<String, Object>> files = jdbc.queryForList("SELECT file_name, status, rows_read, rows_loaded, rows_rejected, rows_ignored FROM etl_file WHERE source_kind = 'spreadsheet'");
        assertThat(files).hasSize(135);
        assertThat(files).allSatisfy(f -> assertThat((Long) f.get("rows_read")).isEqualTo(
                (Long) f.get("rows_loaded") + (Long) f.get("rows_rejected") + (Long) f.get("rows_ignored")));
        assertThat(jdbc.queryForList("SELECT file_name FROM etl_file WHERE source_kind = 'spreadsheet' AND status NOT IN ('loaded', 'loaded_with_rejects')", String.class))
                .containsExactly("2024年第三季度数据报送回执.xlsx");
        assertThat(Files.exists(inbox.resolve("2024年第三季度数据报送回执.xlsx"))).isTrue();
    }

    @Test
    @Order(2)
    void eachDeliberateErrorIsRejectedAtItsCell() {
        List<String> rejects = jdbc.queryForList("""
                SELECT file_name || ' ' || coalesce(cell_ref, '-') || ' ' || reason_code FROM etl_reject ORDER BY 1""", String.class);
        rejects.forEach(System.out::println);
        assertThat(rejects).contains(
                "市卫健局2024年1-6月分镇街托育数据.xlsx 分镇街!D8 EXCEL_ERROR",
                "人社局_2024年第三季度_分镇街指标.xlsx Sheet1!A13 UNKNOWN_TOWN",
                "医保局2025年第一季度指标报表.xlsx 医保!E4 OUT_OF_RANGE",
                "民政局2025年二季度养老护理员分镇街.xlsx 护理员!C18 NEGATIVE",
                "残联2024年第四季度指标报送.xlsx Sheet1!E4 NOT_A_NUMBER",
                "建设局2025年三季度分镇街报表.xlsx 分镇街!C11 UNIT_MISMATCH",
                "建设局2024年一季度分镇街报表.xlsx 分镇街!B15 DUPLICATE",
                "人社局_2023年三季度_分镇街指标.xlsx Sheet1!C6 OUT_OF_RANGE",
                "卫健局2025年第二季度七优享指标报表.xlsx 指标报表!E7 PERIOD_NOT_EXPECTED",
                "人社局_2025年1-9月_分镇街指标.xlsx Sheet1!D9 CUMULATIVE_IDENTITY",
                "人社局_2026年三季度_分镇街指标.xlsx Sheet1!D11 CUMULATIVE_DECREASED",
                "2024年第三季度数据报送回执.xlsx - UNRECOGNISED_FILE");
        assertThat(jdbc.queryForObject("SELECT message_zh FROM etl_reject WHERE reason_code = 'EXCEL_ERROR'", String.class))
                .contains("#DIV/0!").contains("请填写");
        assertThat(jdbc.queryForObject("SELECT message_zh FROM etl_reject WHERE cell_ref = 'Sheet1!C6'", String.class))
                .contains("百分比应在 0 到 100 之间").contains("分子");
    }

    @Test
    @Order(3)
    void everyFileWithRejectsHasAFeedbackWorkbook() throws IOException {
        List<String> withRejects = jdbc.queryForList(
                "SELECT file_name FROM etl_file WHERE source_kind = 'spreadsheet' AND status = 'loaded_with_rejects'", String.class);
        assertThat(withRejects).hasSize(11);
        List<String> feedback;
        try (Stream<Path> files = Files.walk(feedbackDir)) {
            feedback = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
        for (String f : withRejects) {
            assertThat(feedback).contains(f.replaceAll("\\.xlsx?$", "") + "_退回修改.xlsx");
        }
    }

    @Test
    @Order(4)
    void theBureausCityRowIsTheCityAndNeverATown() {
        // 统计局 2024: the 全市 row is loaded as the city; the towns add up to it, not to twice it
        Map<String, Object> c01 = jdbc.queryForMap("""
                SELECT max(value) FILTER (WHERE town_code = '330681') AS city, sum(value) FILTER (WHERE town_code <> '330681') AS towns
                FROM fct_indicator_value WHERE indicator_code = 'C01' AND period_code = '2024' AND is_current""");
        assertThat((Double) c01.get("city")).isEqualTo((Double) c01.get("towns")).isBetween(1.15e6, 1.3e6);
        // a rate's city value comes from the 合计 row's numerator and denominator
        Map<String, Object> h01 = jdbc.queryForMap("""
                SELECT value, numerator, denominator FROM fct_indicator_value
                WHERE indicator_code = 'H01' AND town_code = '330681' AND period_code = '2023Q4' AND is_current""");
        assertThat((Double) h01.get("value")).isCloseTo((Double) h01.get("numerator") / (Double) h01.get("denominator") * 1000,
                org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    @Order(5)
    void theResubmissionIsRevisionTwoWithItsChanges() {
        String summary = IngestRuns.summary(first);
        assertThat(jdbc.queryForObject("SELECT revision FROM etl_file WHERE file_name = '市卫健局2024年1-6月分镇街托育数据（修改版）.xlsx'",
                Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForList("""
                SELECT indicator_code || ' ' || town_code FROM fct_indicator_value
                WHERE period_code = '2024Q2' AND revision = 2 AND is_current ORDER BY 1""", String.class))
                .contains("H01 330681109", "H02 330681109", "H02 330681110", "H01 330681", "H02 330681");
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fct_indicator_value WHERE period_code = '2024Q2' AND indicator_code = 'H01'
                  AND town_code = '330681109' AND NOT is_current AND revision = 1""", Integer.class)).isEqualTo(1);
        assertThat(summary).containsPattern("changed H01 枫桥镇 2024Q2: [0-9.]+ -> [0-9.]+ \\(revision 2\\)");
        // 暨南's 普惠托位 was #DIV/0! in the first submission: the correction is its first figure
        assertThat(jdbc.queryForObject("""
                SELECT revision FROM fct_indicator_value WHERE period_code = '2024Q2' AND indicator_code = 'H02'
                  AND town_code = '330681004' AND is_current""", Integer.class)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void aSecondRunLoadsNothing() throws Exception {
        long facts = jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value", Long.class);
        long files = jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class);
        String summary = IngestRuns.summary(IngestRuns.ingest(jobs, ingestJob, inbox));
        assertThat(summary).contains("0 loaded, 134 unchanged since last run, 1 refused");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value", Long.class)).isEqualTo(facts);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class)).isEqualTo(files);
    }

    @Autowired
    @Qualifier("reviewJob")
    Job reviewJob;

    @Test
    @Order(6)
    void everySheetOfEveryFeedbackWorkbookPrintsOnA4FitToWidthWithPageNumbers() throws Exception {
        List<Path> workbooks;
        try (Stream<Path> files = Files.walk(feedbackDir)) {
            workbooks = files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        assertThat(workbooks).isNotEmpty();
        boolean formSeen = false;
        for (Path p : workbooks) {
            try (var in = Files.newInputStream(p); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
                for (var sheet : wb) {
                    var s = (org.apache.poi.xssf.usermodel.XSSFSheet) sheet;
                    String what = p.getFileName() + " " + s.getSheetName();
                    assertThat(s.getPrintSetup().getPaperSize()).as(what).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                    assertThat(s.getFitToPage()).as(what).isTrue();
                    assertThat(s.getPrintSetup().getFitWidth()).as(what).isEqualTo((short) 1);
                    // a sheet up to qyx.ingest.feedback-one-page-rows (80) rows is shrunk onto one page, portrait or
                    // landscape as it prints larger; a longer one runs on at the page's width
                    assertThat(s.getPrintSetup().getFitHeight()).as(what).isEqualTo(s.getLastRowNum() < 80 ? (short) 1 : (short) 0);
                    assertThat(s.getFooter().getCenter()).as(what).isEqualTo("第 &P 页 共 &N 页");
                    assertThat(s.getHeader().getCenter()).as(what).startsWith(p.getFileName().toString()
                            .replaceAll("_(退回修改|数据核实)\\.xlsx$", ""));
                }
                // a long notice runs down portrait pages (its lists run down the page)
                assertThat(wb.getSheet("反馈说明").getPrintSetup().getLandscape()
                        && wb.getSheet("反馈说明").getPrintSetup().getFitHeight() == 0).isFalse();
                // 报告期 in Chinese (2024年第三季度, 2024年), never a period code
                var summary = wb.getSheet("反馈说明");
                for (var row : summary) {
                    if (row.getCell(0) != null && "报告期".equals(row.getCell(0).getStringCellValue())) {
                        assertThat(row.getCell(1).getStringCellValue()).as(p.toString()).matches("(\\d{4}年(第[一二三四]季度)?)?");
                    }
                }
                // the 情况说明 form is the section 四 of 反馈说明, no sheet of its own
                assertThat(wb.getSheet("情况说明")).isNull();
                int form = FeedbackWorkbooks.sectionRow(summary, "四、情况说明") + 1;
                assertThat(form).as(p.getFileName().toString()).isPositive();
                if (summary.getRow(form) != null) {
                    formSeen = true;
                    // the bureau's 情况说明 column (G) has room to write in; 规则编号 hidden in column I
                    assertThat(summary.getRow(form).getCell(6).getStringCellValue()).isEqualTo("情况说明");
                    assertThat(summary.getColumnWidth(6) / 256).isGreaterThanOrEqualTo(30);
                    assertThat(summary.isColumnHidden(8)).as("规则编号 hidden").isTrue();
                }
            }
        }
        assertThat(formSeen).isTrue();
    }

    @Test
    @Order(7)
    void theFeedbackWorkbookGroupsByTierAndItsFormSentBackExplainsTheFigure() throws Exception {
        List<Path> workbooks;
        try (Stream<Path> files = Files.walk(feedbackDir)) {
            workbooks = files.filter(p -> p.toString().endsWith(".xlsx")).sorted().toList();
        }
        Path withForm = null;
        for (Path p : workbooks) {
            try (var in = Files.newInputStream(p); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
                assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("反馈说明");
                List<String> firstColumn = new java.util.ArrayList<>();
                wb.getSheetAt(0).forEach(row -> firstColumn.add(row.getCell(0) == null ? "" : row.getCell(0).getStringCellValue()));
                assertThat(firstColumn).anyMatch(t -> t.startsWith("一、强制性")).anyMatch(t -> t.startsWith("二、核实性"))
                        .anyMatch(t -> t.startsWith("三、提示性"));
                if (withForm == null && FeedbackWorkbooks.sectionRow(wb.getSheetAt(0), "四、情况说明（") >= 0) {
                    withForm = p;
                }
            }
        }
        assertThat(workbooks).anyMatch(p -> p.getFileName().toString().endsWith("_数据核实.xlsx"));
        assertThat(withForm).as("a workbook with 待核实 figures has the 情况说明 form in its 反馈说明").isNotNull();

        // the bureau fills in the first row of the form and sends the workbook back as it is
        Path returned = Files.createDirectories(work.resolve("explanations")).resolve("回复_" + withForm.getFileName());
        String rule;
        String indicator;
        String period;
        try (var in = Files.newInputStream(withForm); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            var notice = wb.getSheet("反馈说明");
            int form = FeedbackWorkbooks.sectionRow(notice, "四、情况说明") + 1;
            List<String> header = new java.util.ArrayList<>();
            notice.getRow(form).forEach(cell -> header.add(cell.getStringCellValue()));
            assertThat(header).containsExactly("指标", "镇街", "单元格", "期别", "问题", "填报人", "情况说明", "", "规则编号");
            // the rule id keys the form in column I, hidden from the bureau
            assertThat(notice.isColumnHidden(8)).isTrue();
            var row = notice.getRow(form + 1);
            rule = row.getCell(8).getStringCellValue();
            indicator = row.getCell(0).getStringCellValue();
            period = row.getCell(3).getStringCellValue();
            // new cells, as Excel writes them (POI does not rewrite the form's inline-string cells in place)
            row.createCell(6).setCellValue("经核实数据无误：测试回填的情况说明");
            row.createCell(5).setCellValue("测试 填报人");
            try (var out = Files.newOutputStream(returned)) {
                wb.write(out);
            }
        }
        // the form writes the period in words (2026年第三季度); the reader knows it by dim_period's label
        assertThat(period).matches("\\d{4}年(第[一二三四]季度)?");
        period = jdbc.queryForObject("SELECT period_code FROM dim_period WHERE label_zh = ?", String.class, period);
        String explained = """
                SELECT count(*) FROM fct_rule_result WHERE rule_id = ? AND indicator_code = ? AND period_code = ?
                  AND review_state = '已说明' AND explanation LIKE '%测试回填的情况说明%'""";
        assertThat(jdbc.queryForObject(explained, Long.class, rule, indicator, period)).isZero();

        jobs.setJob(reviewJob);
        JobExecution review = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime())
                .addString("explanationDir", returned.getParent().toString()).toJobParameters());
        assertThat(review.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(jdbc.queryForObject(explained, Long.class, rule, indicator, period)).isPositive();
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fct_indicator_value WHERE indicator_code = ? AND period_code = ? AND is_current
                  AND review_state = '已说明' AND review_note LIKE '%测试回填的情况说明%'""", Long.class, indicator, period)).isPositive();
    }
}
