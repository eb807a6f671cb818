package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.w3c.dom.Element;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The documents people read, on the committed samples after a nightly run (2026Q3 is the closed quarter): the
 * report's first page lists every red and yellow indicator and counts what cannot be judged; values print with
 * their indicator's precision; periods are in Chinese; and no cell a reader sees, in the report, its HTML page,
 * or any feedback workbook's 反馈说明 (with its 情况说明 form) and 数据清单 sheets, holds a product path, a mapping id,
 * a reason code or a rule id (they may stay in a hidden column).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrintedDocumentsIT extends WarehouseJobTest {

    /** Product paths, mapping ids (jobs/sources/spreadsheets/*.yml), reason codes (OUT_OF_RANGE), rule ids (R-CHANGE-QOQ). */
    static final Pattern INTERNAL = com.qiyouxiang.batch.InternalNames.PATTERN;

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("nightlyJob")
    Job nightlyJob;

    @Autowired
    Warehouse warehouse;

    JdbcTemplate jdbc;

    @Value("${qyx.log-dir}")
    Path logDir;

    /** The first and the second night's summaries for the clerk. */
    String firstSummary;
    String secondSummary;

    @BeforeAll
    void runNightlyTwice() throws Exception {
        jobs.setJob(nightlyJob);
        JobExecution nightly = jobs.startJob(new JobParametersBuilder().addLong("run", 1L).toJobParameters());
        assertThat(nightly.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        firstSummary = summary(nightly.getId());
        // the second night loads nothing new and has nothing new to tell
        JobExecution second = jobs.startJob(new JobParametersBuilder().addLong("run", 2L).toJobParameters());
        assertThat(second.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        secondSummary = summary(second.getId());
        jdbc = warehouse.jdbc();
    }

    String summary(long jobExecutionId) throws Exception {
        try (Stream<Path> runs = Files.list(logDir.resolve("runs"))) {
            return Files.readString(runs.filter(p -> p.getFileName().toString().endsWith("-nightlyJob-" + jobExecutionId + ".txt"))
                    .findFirst().orElseThrow());
        }
    }

    @Test
    void feedbackWrittenForFindingsAfterTheFilesLoadedIsAnnouncedInTheSummary() {
        // the platform's cross-source pass, after the spreadsheets loaded, flagged figures of two files (民政局 2024Q3,
        // 市卫健局 2025Q2): their supplementary workbooks are written the same night and named; the next night has none
        assertThat(firstSummary).contains("新增数据核实 2 份", "民政局2024年三季度养老护理员分镇街_数据核实（补充）.xlsx",
                "市卫健局2025年二季度分镇街托育数据_数据核实（补充）.xlsx");
        assertThat(secondSummary).doesNotContain("新增数据核实");
    }

    Path report() {
        return outputDir.resolve("reports/七优享季度调度报告-2026Q3.xlsx");
    }

    @Test
    void theFirstPageListsEveryRedAndYellowIndicatorAndCountsWhatCannotBeJudged() throws Exception {
        List<String> flagged = jdbc.queryForList("""
                SELECT indicator_name FROM mart_indicator_quarter WHERE quarter_code = '2026Q3' AND light IN ('red', 'yellow')""",
                String.class);
        assertThat(flagged).hasSizeGreaterThanOrEqualTo(3);
        try (XSSFWorkbook wb = new XSSFWorkbook(report().toFile())) {
            assertThat(wb.getSheetName(0)).isEqualTo("本季要点");
            Sheet agenda = wb.getSheet("本季要点");
            List<String> texts = texts(agenda);
            assertThat(texts).containsAll(flagged);
            int flaggedRows = 0;
            double observation = 0;
            double noData = 0;
            for (var row : agenda) {
                Cell first = row.getCell(0);
                if (first == null || first.getCellType() != CellType.STRING) {
                    continue;
                }
                String label = first.getStringCellValue();
                if (label.equals("红灯") || label.equals("黄灯")) {
                    flaggedRows++;
                    // 问题编号 in the last column for each (every red/yellow of the samples has an open issue)
                    assertThat(row.getCell(9).getStringCellValue()).matches("[HT]\\d{2}-\\d{4}Q[1-4]");
                }
                if (label.equals("不评价")) {
                    observation += row.getCell(2).getNumericCellValue();
                }
                if (label.equals("缺数")) {
                    noData += row.getCell(2).getNumericCellValue();
                }
            }
            assertThat(flaggedRows).isEqualTo(flagged.size());
            // the grey split: ▲ observation indicators apart from those without data, each counted
            assertThat(observation).isEqualTo(jdbc.queryForObject(
                    "SELECT count(*) FROM mart_indicator_quarter WHERE quarter_code = '2026Q3' AND is_observation", Double.class));
            assertThat(noData).isEqualTo(jdbc.queryForObject("""
                    SELECT count(*) FROM mart_indicator_quarter
                    WHERE quarter_code = '2026Q3' AND light = 'grey' AND NOT is_observation AND value IS NULL""", Double.class));
            // values as written in their unit, targets as the plan writes them, periods in words
            assertThat(texts).contains("68.2%", "12.26万人次", "2026年1-9月", "2026年第三季度", "70%", "67.5%以上");
            // one printed page, portrait
            assertThat(agenda.getPrintSetup().getFitHeight()).isEqualTo((short) 1);
            assertThat(agenda.getPrintSetup().getLandscape()).isFalse();
        }
    }

    @Test
    void thePagesChartsShowTheQuartersFiguresOnAxesFromZero() throws Exception {
        String html = Files.readString(outputDir.resolve("reports/七优享季度调度报告-2026Q3.html"));
        ReportData data;
        try (Connection c = warehouse.connect()) {
            data = ReportData.load(c, "2026Q3");
        }
        PageCharts page = PageCharts.of(html);   // every chart parses as XML
        List<Map<String, Object>> domains = jdbc.queryForList(
                "SELECT domain_name, domain_score, indicators FROM mart_domain_quarter WHERE quarter_code = '2026Q3' ORDER BY sort_order");
        List<String> flagged = jdbc.queryForList("SELECT DISTINCT indicator_code FROM mart_indicator_quarter "
                + "WHERE quarter_code = '2026Q3' AND light IN ('red', 'yellow')", String.class);
        TownPivot towns = TownPivot.of(data.rows("镇街对比"));
        assertThat(page.charts()).hasSize(2 + flagged.size() + towns.indicators().size());
        page.charts().forEach(chart -> assertThat(chart.numbers()).allMatch(n -> PageCharts.SVG_NUMBER.matcher(n).matches()));

        // domain scores: a bar per domain from 0, its length proportional to the score (96.19 is not a collapse)
        PageCharts.Chart scores = page.titled("分领域得分（满分100，自0起）");
        List<Element> bars = scores.inPlot("rect");
        assertThat(bars).hasSize(domains.size()).allMatch(b -> PageCharts.number(b, "x") == 0);
        double perPoint = PageCharts.number(bars.get(0), "width") / ((Number) domains.get(0).get("domain_score")).doubleValue();
        for (int i = 0; i < domains.size(); i++) {
            double score = ((Number) domains.get(i).get("domain_score")).doubleValue();
            assertThat(PageCharts.number(bars.get(i), "width")).as(domains.get(i).toString()).isCloseTo(score * perPoint, within(0.1));
            assertThat(scores.text()).contains((String) domains.get(i).get("domain_name"), String.format(Locale.ROOT, "%.2f", score));
        }

        // lights by domain: a segment per light with indicators, the counts adding up to each domain's indicators
        PageCharts.Chart lights = page.titled("各领域指标亮灯情况");
        List<Element> segments = lights.inPlot("rect");
        int total = segments.stream().mapToInt(seg -> Integer.parseInt(seg.getTextContent().replaceAll("\\D", ""))).sum();
        assertThat(total).isEqualTo(domains.stream().mapToInt(d -> ((Number) d.get("indicators")).intValue()).sum());
        assertThat(segments).allMatch(seg -> QuarterlyReportWorkbook.LIGHT_COLOURS.containsValue(seg.getAttribute("fill").substring(1)));
        assertThat(lights.text()).contains("绿灯", "黄灯", "红灯", "灰灯");

        // each red or yellow indicator's value and schedule line, a point per quarter with a figure
        List<PageCharts.Chart> trends = page.charts().subList(2, 2 + flagged.size());
        for (String code : flagged) {
            List<Map<String, Object>> rows = data.rowsOf("红黄灯指标走势", code);
            PageCharts.Chart trend = trends.stream().filter(t -> t.title().startsWith((String) rows.get(0).get("indicator_name")))
                    .findFirst().orElseThrow(() -> new AssertionError("no trend chart for " + code));
            assertThat(trend.inPlot("circle")).as(code).hasSize((int) rows.stream().filter(r -> r.get("value") != null).count());
            assertThat(trend.inPlot("polyline").get(0).getAttribute("points").split(" ")).as(code)
                    .hasSize((int) rows.stream().filter(r -> r.get("schedule_target") != null).count());
            assertThat(trend.text()).contains("指标值", "时序进度目标", (String) rows.get(rows.size() - 1).get("quarter_zh"));
        }

        // the town charts: a column per town named, heights from 0 in proportion, the city's dashed line at its value
        for (TownPivot.Indicator indicator : towns.indicators()) {
            PageCharts.Chart chart = page.titled("镇街对比：" + indicator.name());
            List<Element> columns = chart.inPlot("rect");
            List<String> named = towns.townsOf(indicator);
            assertThat(columns).as(indicator.name()).hasSize(named.size());
            double bottom = PageCharts.number(columns.get(0), "y") + PageCharts.number(columns.get(0), "height");
            double max = named.stream().mapToDouble(indicator.values()::get).max().orElseThrow();
            double perUnit = (bottom - 0) / max;   // the tallest column fills the plot
            for (int i = 0; i < named.size(); i++) {
                assertThat(PageCharts.number(columns.get(i), "height")).as(named.get(i))
                        .isCloseTo(indicator.values().get(named.get(i)) * perUnit, within(0.1));
                assertThat(columns.get(i).getTextContent()).startsWith(named.get(i) + " ");
            }
            List<Element> line = chart.inPlot("line");
            if (indicator.city() != null && indicator.city() <= max) {
                assertThat(PageCharts.number(line.get(0), "y1")).as(indicator.name()).isCloseTo(bottom - indicator.city() * perUnit, within(0.1));
                assertThat(chart.text()).contains("全市 " + QuarterlyReportHtml.value(indicator.city(), indicator.decimals()));
            } else {
                assertThat(line).as(indicator.name() + ": the city is off the towns' scale").isEmpty();
            }
        }
        assertThat(page.titled("镇街对比：普惠托位占比").text()).contains("全市 68.2", "暨阳");

        // self-contained: no script, nothing fetched (the SVG namespace is a name, not a resource)
        assertThat(html).doesNotContain("<script");
        assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http", "href", "src=", "url(");
    }

    @Test
    void valuesPrintWithTheirIndicatorsPrecisionAndPeriodsInChinese() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(report().toFile())) {
            Sheet schedule = wb.getSheet("指标调度表");
            var header = schedule.getRow(3);
            int unit = -1;
            int value = -1;
            int period = -1;
            for (Cell c : header) {
                switch (c.getStringCellValue()) {
                    case "单位" -> unit = c.getColumnIndex();
                    case "指标值" -> value = c.getColumnIndex();
                    case "数据期" -> period = c.getColumnIndex();
                    default -> { }
                }
            }
            List<String> formats = new ArrayList<>();
            for (int r = 4; r <= schedule.getLastRowNum(); r++) {
                var row = schedule.getRow(r);
                String u = row.getCell(unit).getStringCellValue();
                String format = row.getCell(value).getCellStyle().getDataFormatString();
                formats.add(u + " " + format);
                if (u.equals("%")) {
                    assertThat(format).isEqualTo("#,##0.0");
                } else if (u.startsWith("万")) {
                    assertThat(format).isEqualTo("#,##0.00");
                } else if (u.equals("元")) {
                    assertThat(format).isEqualTo("#,##0");
                }
                assertThat(row.getCell(period).getStringCellValue()).matches("\\d{4}年(第[一二三四]季度|1-\\d{1,2}月)?");
            }
            assertThat(formats).anyMatch(f -> f.startsWith("% ")).anyMatch(f -> f.startsWith("万"));
            // no period code anywhere a reader looks, except inside an issue id (H02-2023Q2)
            Pattern code = Pattern.compile("(?<![A-Z]\\d{2}-)\\b\\d{4}Q[1-4]\\b");
            for (Sheet sheet : wb) {
                if (wb.isSheetHidden(wb.getSheetIndex(sheet))) {
                    continue;
                }
                for (String text : texts(sheet)) {
                    assertThat(code.matcher(text).find()).as(sheet.getSheetName() + ": " + text).isFalse();
                }
            }
        }
    }

    @Test
    void noCellAReaderSeesHoldsAProductPathMappingIdOrCode() throws Exception {
        List<String> seen = new ArrayList<>();
        try (XSSFWorkbook wb = new XSSFWorkbook(report().toFile())) {
            for (Sheet sheet : wb) {
                if (!wb.isSheetHidden(wb.getSheetIndex(sheet))) {
                    texts(sheet).forEach(t -> seen.add("report/" + sheet.getSheetName() + ": " + t));
                }
            }
        }
        String html = Files.readString(outputDir.resolve("reports/七优享季度调度报告-2026Q3.html"))
                .replaceAll("(?s)<style>.*?</style>", "").replaceAll("<[^>]+>", "\n");
        html.lines().forEach(t -> seen.add("html: " + t));
        List<Path> feedback;
        try (Stream<Path> files = Files.walk(feedbackDir)) {
            feedback = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
        }
        assertThat(feedback).hasSizeGreaterThan(5);
        boolean hiddenCodes = false;
        for (Path p : feedback) {
            try (XSSFWorkbook wb = new XSSFWorkbook(p.toFile())) {
                for (String name : List.of("反馈说明", "数据清单")) {
                    Sheet sheet = wb.getSheet(name);
                    if (sheet != null) {
                        texts(sheet).forEach(t -> seen.add(p.getFileName() + "/" + name + ": " + t));
                        hiddenCodes |= hiddenTexts(sheet).stream().anyMatch(t -> INTERNAL.matcher(t).find());
                    }
                }
            }
        }
        assertThat(seen).hasSizeGreaterThan(500);
        assertThat(seen).filteredOn(t -> INTERNAL.matcher(t.substring(t.indexOf(": ") + 2)).find()).isEmpty();
        // the codes are still there for the clerk's filtering, in hidden columns
        assertThat(hiddenCodes).isTrue();
        // the feedback names its template in words
        assertThat(seen).anyMatch(t -> t.contains("/反馈说明: ") && t.endsWith("分镇街指标（季度）"));
    }

    @Test
    void everyFeedbackWorkbookListsEveryFigureOfItsFileWithItsOutcome() throws Exception {
        List<Path> feedback;
        try (Stream<Path> files = Files.walk(feedbackDir)) {
            feedback = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
        }
        boolean rejectedListed = false;
        for (Path p : feedback) {
            String source = p.getFileName().toString().replaceAll("_(退回修改|数据核实)(（补充\\d*）)?\\.xlsx$", "");
            long expected = jdbc.queryForObject("""
                    SELECT (SELECT count(*) FROM fct_indicator_value v WHERE v.file_id = f.file_id)
                         + (SELECT count(*) FROM etl_reject r WHERE r.file_id = f.file_id)
                    FROM etl_file f WHERE regexp_replace(f.file_name, '\\.(xlsx|xls|xlsm)$', '') = ?
                    ORDER BY f.file_id DESC LIMIT 1""", Long.class, source);
            try (XSSFWorkbook wb = new XSSFWorkbook(p.toFile())) {
                // 五、数据清单 is the last section of 反馈说明, under the problem lists and the form; a sheet of its own
                // (its header in row 2) when the notice with it would not print on one page
                Sheet summary = wb.getSheet("数据清单") != null ? wb.getSheet("数据清单") : wb.getSheet("反馈说明");
                int header = summary.getSheetName().equals("数据清单") ? 1 : -1;
                for (int r = 0; header < 0 && r <= summary.getLastRowNum(); r++) {
                    var cell = summary.getRow(r) == null ? null : summary.getRow(r).getCell(0);
                    if (cell != null && cell.getStringCellValue().startsWith("五、数据清单")) {
                        header = r + 1;
                    }
                }
                assertThat(header).as(p.getFileName().toString()).isPositive();
                assertThat(summary.getRow(header).getCell(5).getStringCellValue()).isEqualTo("处理结果");
                assertThat(summary.getLastRowNum() - header).as(p.getFileName().toString()).isEqualTo((int) Math.min(expected, 10000));
                List<String> outcomes = new ArrayList<>();
                for (int r = header + 1; r <= summary.getLastRowNum(); r++) {
                    String outcome = summary.getRow(r).getCell(5).getStringCellValue();
                    outcomes.add(outcome);
                    if (outcome.startsWith("已入库")) { // a loaded figure in its unit and display decimals: 95.8%, not 95.83333333
                        assertThat(summary.getRow(r).getCell(3).getStringCellValue()).as(p.getFileName() + " row " + (r + 1))
                                .matches("-?[0-9]+(\\.[0-9]{1,3})?[^0-9]*");
                    }
                }
                assertThat(outcomes).as(p.getFileName().toString()).allMatch(o -> o.startsWith("已入库") || o.equals("已退回"));
                rejectedListed |= outcomes.contains("已退回") && outcomes.contains("已入库");
            }
        }
        // what was accepted is listed beside what was sent back
        assertThat(rejectedListed).isTrue();
    }

    @Test
    void feedbackWorkbooksOfTheUsualSizePrintTheirNoticeOnOnePage() throws Exception {
        List<Path> feedback;
        try (Stream<Path> files = Files.walk(feedbackDir)) {
            feedback = files.filter(p -> p.toString().endsWith(".xlsx")).toList();
        }
        int onePage = 0;
        for (Path p : feedback) {
            try (XSSFWorkbook wb = new XSSFWorkbook(p.toFile())) {
                String what = p.getFileName().toString();
                // 反馈说明 (with its 情况说明 form and 五、数据清单, or a 数据清单 sheet when long), the marked copy of each sheet
                assertThat(wb.getSheetAt(0).getSheetName()).isEqualTo("反馈说明");
                assertThat(wb.getNumberOfSheets()).as(what).isLessThanOrEqualTo(3);
                Sheet summary = wb.getSheet("反馈说明");
                assertThat(summary.getFitToPage()).as(what).isTrue();
                assertThat(summary.getPrintSetup().getFitWidth()).as(what).isEqualTo((short) 1);
                if (summary.getLastRowNum() < 100) {
                    assertThat(summary.getPrintSetup().getFitHeight()).as(what).isEqualTo((short) 1);
                    onePage++;
                }
                // the form's 期别 (column D) in words, as the reader of the returned form also understands it
                int form = com.qiyouxiang.intake.spreadsheet.FeedbackWorkbooks.sectionRow(summary, "四、情况说明（");
                for (int r = form + 2; form >= 0 && summary.getRow(r) != null; r++) {
                    assertThat(summary.getRow(r).getCell(3).getStringCellValue()).as(what).matches("\\d{4}年(第[一二三四]季度)?");
                }
            }
        }
        // the samples' usual workbook (a few dozen figures) has its notice on one page
        assertThat(onePage).isGreaterThan(feedback.size() / 2);
    }

    /** The texts of the cells a reader sees: every cell not in a hidden column, numbers as Excel shows them. */
    static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
        sheet.forEach(row -> row.forEach(cell -> {
            if (!sheet.isColumnHidden(cell.getColumnIndex())) {
                texts.add(formatter.formatCellValue(cell));
            }
        }));
        return texts;
    }

    static List<String> hiddenTexts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(row -> row.forEach(cell -> {
            if (sheet.isColumnHidden(cell.getColumnIndex()) && cell.getCellType() == CellType.STRING) {
                texts.add(cell.getStringCellValue());
            }
        }));
        return texts;
    }
}
