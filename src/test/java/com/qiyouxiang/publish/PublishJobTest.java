package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * publishJob on a warehouse evaluated for 2026Q3: the exports, the BI marts file (storage version,
 * comments, a reader in another process during a refresh), the data dictionary and both reports.
 */
class PublishJobTest extends WarehouseJobTest {

    @Value("${qyx.output-dir}")
    Path out;
    static boolean loaded;

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    @Qualifier("publishJob")
    Job publishJob;

    @Autowired
    Warehouse warehouse;

    @Autowired
    PublishProperties properties;

    JdbcTemplate jdbc;

    @BeforeEach
    void evaluatedAndPublished() throws Exception {
        jdbc = warehouse.jdbc();
        if (loaded) {
            return;
        }
        run(referenceJob, null);
        List<Observation> facts = new ArrayList<>();
        List<String> towns = jdbc.queryForList("SELECT town_code FROM dim_town WHERE level = 'town' ORDER BY 1", String.class);
        for (int i = 0; i < towns.size(); i++) {
            // 每千人口托位数 by town: (40 + i) / 10000 x 1000; the city: 1173 / 230000 x 1000 = 5.1 > E 4.9 -> green
            facts.add(new Observation("H01", towns.get(i), "2026Q3", (40.0 + i) / 10, 40.0 + i, 10000.0, "A"));
        }
        facts.add(Observation.of("H02", "330681", "2026Q3", 68.0));   // E 69.5 -> yellow
        facts.add(Observation.of("H08", "330681", "2026Q3", 85.0));   // red
        facts.add(Observation.of("H08", "330681", "2026Q2", 80.0));   // red
        facts.add(Observation.of("H10", "330681", "2025", 83.5));     // green
        try (Connection c = warehouse.connect()) {
            FactWriter.write(c, facts, "spreadsheet", null, null, "test", null);
        }
        run(evaluationJob, "2026Q3");
        run(publishJob, "2026Q3");
        loaded = true;
    }

    void run(Job job, String quarter) throws Exception {
        jobs.setJob(job);
        JobParametersBuilder parameters = new JobParametersBuilder().addLong("run", System.nanoTime());
        if (quarter != null) {
            parameters.addString("quarter", quarter);
        }
        JobExecution execution = jobs.startJob(parameters.toJobParameters());
        assertThat(execution.getStatus()).as(execution.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
    }

    @Test
    void everyMartIsPublishedAsParquetAndCsvWithTheSameRows() throws Exception {
        List<String> marts = jdbc.queryForList(
                "SELECT table_name FROM duckdb_tables() WHERE table_name LIKE 'mart%' AND database_name = current_database()", String.class);
        assertThat(marts).hasSize(10); // the eight marts, and the meeting versions (mart_meeting_version, mart_meeting_row)
        for (String mart : marts) {
            Path parquet = outputDir.resolve("marts/parquet/" + mart + ".parquet");
            Path csv = outputDir.resolve("marts/csv/" + mart + ".csv");
            long rows = jdbc.queryForObject("SELECT count(*) FROM " + mart, Long.class);
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_parquet(?)", Long.class, parquet.toString())).as(mart).isEqualTo(rows);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("\uFEFF");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM read_csv(?, header = true)", Long.class, csv.toString()))
                    .as(mart).isEqualTo(rows);
        }
        assertThat(Files.list(outputDir.resolve("marts/csv")).map(Path::getFileName).map(Path::toString))
                .noneMatch(name -> name.contains(".tmp"));
    }

    @Test
    void theBiFileIsWrittenForDuckDb15ClientsWithTheChineseComments() throws Exception {
        Path file = properties.martsFile();
        // the header: magic 'DUCK' at byte 8, then the storage version number (little endian); engine 2.0's own
        // format is 999 here, and the v1.5.0 compatibility format a lower number a 1.5 client reads
        ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(file), 0, 20).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(new String(Files.readAllBytes(file), 8, 4, StandardCharsets.US_ASCII)).isEqualTo("DUCK");
        assertThat(header.getLong(12)).isLessThan(999).isEqualTo(68);
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + file, readOnly)) {
            JdbcTemplate bi = new JdbcTemplate(new org.springframework.jdbc.datasource.SingleConnectionDataSource(c, true));
            assertThat(bi.queryForObject("SELECT tags['storage_version'] FROM duckdb_databases() WHERE NOT internal "
                    + "AND database_name NOT IN ('memory')", String.class)).isEqualTo("v1.5.0+");
            assertThat(bi.queryForObject("SELECT comment FROM duckdb_columns() WHERE table_name = 'mart_indicator_quarter' "
                    + "AND column_name = 'schedule_target'", String.class)).isEqualTo("时序进度目标 E（数据期对应的序时目标）");
            assertThat(bi.queryForObject("SELECT light FROM mart_indicator_quarter WHERE quarter_code = '2026Q3' "
                    + "AND indicator_code = 'H08'", String.class)).isEqualTo("red");
        }
        String dictionary = Files.readString(outputDir.resolve("数据字典.md"));
        assertThat(dictionary).contains("## mart_indicator_quarter", "| `light` | VARCHAR | 否 | 亮灯：green / yellow / red / grey |",
                "## mart_issue", "发布文件：`marts/parquet/mart_issue.parquet`")
                // only what the published files hold (dq_check_result is not published), no product paths
                .doesNotContain("（无注释）", "## dq_check_result", "docs/", "sql/");
        try (XSSFWorkbook wb = new XSSFWorkbook(outputDir.resolve("数据字典.xlsx").toFile())) {
            XSSFSheet sheet = wb.getSheet("数据字典");
            long columns = jdbc.queryForObject("SELECT count(*) FROM duckdb_columns() WHERE database_name = current_database() "
                    + "AND table_name LIKE 'mart%'", Long.class);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) columns);
            assertThat(sheet.getRow(0).getCell(5).getStringCellValue()).isEqualTo("字段说明");
        }
    }

    @Test
    void theQuarterlyWorkbookHasEverySectionLightFillsAndNativeCharts() throws Exception {
        Path xlsx = outputDir.resolve("reports/" + PublishJobConfig.reportName(com.qiyouxiang.evaluation.Quarter.parse("2026Q3")) + ".xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            List<String> names = new ArrayList<>();
            wb.forEach(s -> names.add(s.getSheetName()));
            assertThat(names).containsExactly("本季要点", "分领域评价", "走势图", "指标调度表", "镇街对比", "问题整改清单", "责任单位",
                    "数据完整性", "待核实事项", "修订后变化", "图表数据");
            assertThat(wb.isSheetHidden(wb.getSheetIndex("图表数据"))).isTrue();
            // domain scores (axis from 0 to 100) and lights by domain; a trend chart per red or yellow indicator (H08, H02)
            var domainCharts = wb.getSheet("分领域评价").getDrawingPatriarch().getCharts();
            assertThat(domainCharts).hasSize(2);
            assertThat(domainCharts.get(0).getAxes().stream().filter(a -> a instanceof org.apache.poi.xddf.usermodel.chart.XDDFValueAxis)
                    .findFirst().orElseThrow().getMinimum()).isZero();
            assertThat(wb.getSheet("走势图").getDrawingPatriarch().getCharts()).hasSize(2);
            // the first page lists the red and the yellow indicator, and counts what cannot be judged
            List<String> agenda = new ArrayList<>();
            wb.getSheet("本季要点").forEach(row -> row.forEach(cell -> agenda.add(cell.getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
                    ? cell.getStringCellValue() : String.valueOf(cell.getNumericCellValue()))));
            assertThat(agenda).contains("二、红灯和黄灯指标", "欠薪线索动态化解率", "普惠托位占比", "85.0%", "68.0%", "H08-2026Q2",
                    "五、不能评价的指标", "缺数", "不评价");
            XSSFSheet schedule = wb.getSheet("指标调度表");
            int lightColumn = -1;
            XSSFRow header = schedule.getRow(3);
            for (int i = 0; i < header.getLastCellNum(); i++) {
                if ("亮灯".equals(header.getCell(i).getStringCellValue())) {
                    lightColumn = i;
                }
            }
            List<String> fills = new ArrayList<>();
            for (int r = 4; r <= schedule.getLastRowNum(); r++) {
                XSSFCell cell = schedule.getRow(r).getCell(lightColumn);
                fills.add(cell.getStringCellValue() + "=" + cell.getCellStyle().getFillForegroundColorColor().getARGBHex().substring(2));
            }
            assertThat(fills).contains("绿灯=63BE7B", "黄灯=FFD966", "红灯=F8696B");
            assertThat(wb.getSheet("问题整改清单").getRow(4).getCell(0).getStringCellValue()).isEqualTo("H08-2026Q2");
        }
    }

    @Test
    void everySheetOfTheReportPrintsOnA4FitToWidthWithRepeatedHeadersAndPageNumbers() throws Exception {
        Path xlsx = outputDir.resolve("reports/七优享季度调度报告-2026Q3.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(xlsx.toFile())) {
            for (org.apache.poi.ss.usermodel.Sheet sheet : wb) {
                XSSFSheet s = (XSSFSheet) sheet;
                if (wb.isSheetHidden(wb.getSheetIndex(s))) {
                    continue; // the charts' data: never printed
                }
                boolean onePage = s.getSheetName().equals("本季要点");
                boolean grid = onePage || s.getSheetName().equals("走势图");
                assertThat(s.getPrintSetup().getPaperSize()).as(s.getSheetName()).isEqualTo(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
                assertThat(s.getFitToPage()).as(s.getSheetName()).isTrue();
                assertThat(s.getPrintSetup().getFitWidth()).as(s.getSheetName()).isEqualTo((short) 1);
                assertThat(s.getPrintSetup().getFitHeight()).as(s.getSheetName()).isEqualTo((short) (onePage ? 1 : 0));
                if (!grid) {
                    assertThat(s.getRepeatingRows().formatAsString()).as(s.getSheetName())
                            .isEqualTo(s.getSheetName().equals("镇街对比") ? "4:5" : "4:4");
                    assertThat(s.getPaneInformation().getHorizontalSplitPosition()).as(s.getSheetName())
                            .isEqualTo((short) (s.getSheetName().equals("镇街对比") ? 5 : 4));
                }
                assertThat(s.getHeader().getCenter()).as(s.getSheetName()).startsWith("七优享季度调度报告·" + s.getSheetName());
                assertThat(s.getFooter().getCenter()).as(s.getSheetName()).isEqualTo("第 &P 页 共 &N 页");
                // the period in Chinese in the page header and the title row, never 2026Q3
                assertThat(s.getHeader().getCenter()).as(s.getSheetName()).endsWith("2026年第三季度");
                assertThat(s.getRow(0).getCell(0).getStringCellValue()).startsWith("七优享 2026年第三季度 ");
            }
            // the wide tables landscape, the narrow ones and the first page portrait
            assertThat(wb.getSheet("指标调度表").getPrintSetup().getLandscape()).isTrue();
            assertThat(wb.getSheet("分领域评价").getPrintSetup().getLandscape()).isFalse();
            assertThat(wb.getSheet("本季要点").getPrintSetup().getLandscape()).isFalse();
            // the domain chart is below its table, not beside it (which would widen the page)
            XSSFSheet domains = wb.getSheet("分领域评价");
            var anchor = (org.apache.poi.xssf.usermodel.XSSFClientAnchor) domains.getDrawingPatriarch().getShapes().get(0).getAnchor();
            assertThat(anchor.getRow1()).isGreaterThan(domains.getLastRowNum());
            assertThat(anchor.getCol1()).isZero();
            // a CJK column is wide enough for its names: 指标名称 holds 每千人口拥有3岁以下婴幼儿托位数
            XSSFSheet schedule = wb.getSheet("指标调度表");
            assertThat(schedule.getColumnWidth(1) / 256).isBetween(30, 40);
        }
    }

    @Test
    void theHtmlPageIsSelfContainedWithChartsAndEverySection() throws Exception {
        String html = Files.readString(outputDir.resolve("reports/七优享季度调度报告-2026Q3.html"));
        assertThat(html).contains("<svg", "分领域得分", "各领域指标亮灯情况", "<h2 class=\"first\">本季要点</h2>", "欠薪线索动态化解率",
                "<h2>分领域评价</h2>", "<h2>指标调度表</h2>", "<h2>镇街对比</h2>", "<h2>问题整改清单</h2>",
                "<h2>责任单位</h2>", "<h2>数据完整性</h2>", "class=\"l-red\">红灯");
        assertThat(html).contains("<h1>七优享 2026年第三季度 季度调度报告</h1>").doesNotContain("docs/evaluation-method.md");
        // nothing fetched from anywhere: no scripts, no external resources
        assertThat(html).doesNotContain("<script", "src=", "href=", "url(", "@import", "<link", "th:text", "th:each", "xmlns:th");
        // printed: a page break before each section, tables kept readable
        assertThat(html).contains("@media print", "break-before:page", "min-width");
    }

    @Test
    void aReaderInAnotherProcessKeepsReadingWhileTheMartsFileIsRefreshed() throws Exception {
        Path file = properties.martsFile();
        long before = jdbc.queryForObject("SELECT count(*) FROM mart_indicator_quarter", Long.class);
        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MartsFileReader.class.getName(), file.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(reader.getInputStream(), StandardCharsets.UTF_8));
             Writer toReader = new OutputStreamWriter(reader.getOutputStream(), StandardCharsets.UTF_8)) {
            assertThat(nextAnswer(lines)).isEqualTo("READY " + before);
            // the refresh while the other process holds the published file read-only
            run(evaluationJob, "2026Q2");
            run(publishJob, "2026Q2");
            long after = jdbc.queryForObject("SELECT count(*) FROM mart_indicator_quarter", Long.class);
            assertThat(after).isGreaterThan(before);
            toReader.write("go\n");
            toReader.flush();
            assertThat(nextAnswer(lines)).isEqualTo("AGAIN " + before);   // its snapshot
            assertThat(nextAnswer(lines)).isEqualTo("NEW " + after);      // a new connection sees the refresh
        } finally {
            assertThat(reader.waitFor(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(reader.exitValue()).isZero();
    }

    private static String nextAnswer(BufferedReader lines) throws IOException {
        for (String line; (line = lines.readLine()) != null; ) {
            if (line.startsWith("READY") || line.startsWith("AGAIN") || line.startsWith("NEW")) {
                return line;
            }
        }
        return "(reader ended)";
    }
}
