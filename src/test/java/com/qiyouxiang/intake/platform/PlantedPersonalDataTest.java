package com.qiyouxiang.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Issue 14, item 3: an ID number (18 and 15 digits), a mobile and a landline planted in every column of every
 * record-level export kind (养老护理员持证名单, 托育机构名录, 最低生活保障对象), beside one good line each; after
 * reference, ingest, platform, evaluation and publish none of the planted values is anywhere: not in any text
 * column of any table, nor in the log, the log files, the published files, the feedback workbooks, the report
 * or the archive folder.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestPropertySource(properties = "logging.threshold.console=INFO")
class PlantedPersonalDataTest extends WarehouseJobTest {

    static final String ID = "330681199001011234";
    static final String ID15 = "330681900101123";
    static final String MOBILE = "13912345678";
    static final String LANDLINE = "0575-87654321";
    static final List<String> PLANTED = List.of(ID, ID15, MOBILE, LANDLINE);
    /** What a scan looks for: each planted value, and its digits without the separator. */
    static final List<String> NEEDLES = List.of(ID, ID15, MOBILE, LANDLINE, "057587654321", "87654321");

    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) throws IOException {
        inbox = Files.createTempDirectory("qyx-planted-");
        plant(inbox.resolve("平台_养老护理员持证名单_2026Q3.csv"), ",",
                "姓名,身份证号,手机号,证书编号,证书等级,所在镇街代码,统计期",
                "测试人员9001,330681197506230014,13800000001,ZJ000001,高级,330681001000,2026Q3");
        plant(inbox.resolve("平台_托育机构名录_2026Q3.csv"), ",",
                "机构代码,机构名称,所在镇街代码,托位数,是否普惠,统计期",
                "91330681MA00000101,暨阳街道第1托育园,330681001000,182,是,2026Q3");
        plant(inbox.resolve("平台_最低生活保障对象_2026Q3.tsv"), "\t",
                "户编号\t姓名\t身份证号\t手机号\t所在镇街代码\t月保障金额\t统计期",
                "DB000002\t测试人员2003\t330681199611240037\t13800002003\t330681104\t974.00\t2026Q3");
        registry.add("qyx.inbox-dir", inbox::toString);
    }

    /** The header, the good line, then per column and planted value a copy of the good line with it there. */
    static void plant(Path file, String delimiter, String header, String good) throws IOException {
        List<String> lines = new ArrayList<>(List.of(header, good));
        String[] fields = good.split(delimiter);
        for (int column = 0; column < fields.length; column++) {
            for (String value : PLANTED) {
                String[] planted = fields.clone();
                planted[column] = value;
                lines.add(String.join(delimiter, planted));
                planted[column] = "x" + value + "y";    // inside other text too
                lines.add(String.join(delimiter, planted));
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("ingestJob")
    Job ingestJob;

    @Autowired
    @Qualifier("platformJob")
    Job platformJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    @Qualifier("publishJob")
    Job publishJob;

    @Autowired
    Warehouse warehouse;

    @Test
    void plantedIdsAndPhonesAreNowhere(CapturedOutput output) throws Exception {
        for (Job job : List.of(referenceJob, ingestJob, platformJob, evaluationJob, publishJob)) {
            jobs.setJob(job);
            assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime())
                    .addString("quarter", "2026Q3").toJobParameters()).getStatus()).as(job.getName())
                    .isEqualTo(BatchStatus.COMPLETED);
        }
        JdbcTemplate jdbc = warehouse.jdbc();
        // the planted lines were read: rejected with a reason, or loaded with the planted text masked
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_reject WHERE file_name LIKE '平台_%2026Q3%'", Long.class))
                .isGreaterThan(20);
        assertThat(jdbc.queryForList("SELECT DISTINCT raw_value FROM etl_reject WHERE reason_code = 'UNKNOWN_DIVISION'",
                String.class)).contains("330681********1234", "x330681********1234y", "139********", "0575-********");

        List<String> found = new ArrayList<>();
        for (Map<String, Object> col : jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE data_type = 'VARCHAR' AND table_schema = 'main'""")) {
            String table = col.get("table_name").toString();
            String column = col.get("column_name").toString();
            for (String value : jdbc.queryForList("SELECT DISTINCT \"" + column + "\" FROM \"" + table + "\" WHERE \""
                    + column + "\" IS NOT NULL", String.class)) {
                if (leaks(value)) {
                    found.add(table + "." + column + ": " + value);
                }
            }
        }
        assertThat(found).as("planted personal data in warehouse tables").isEmpty();
        assertThat(leaks(output.getAll())).as("planted personal data in the log").isFalse();

        Path work = warehouse.path().getParent();
        List<Path> scanned = new ArrayList<>();
        for (Path dir : List.of(work.resolve("logs"), outputDir, feedbackDir, archiveDir)) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(leaks(text(f))).as("planted personal data in " + f).isFalse();
                    scanned.add(f);
                }
            }
        }
        assertThat(scanned).as("published files and the report were scanned")
                .anyMatch(p -> p.toString().endsWith(".csv")).anyMatch(p -> p.toString().endsWith(".xlsx"));
    }

    static boolean leaks(String text) {
        return NEEDLES.stream().anyMatch(text::contains);
    }

    /** A file's text: the cells of a workbook, the bytes of anything else (Parquet, DuckDB: uncompressed strings). */
    static String text(Path f) throws IOException {
        if (f.toString().endsWith(".xlsx")) {
            StringBuilder b = new StringBuilder();
            try (InputStream in = Files.newInputStream(f); XSSFWorkbook wb = new XSSFWorkbook(in)) {
                for (Sheet sheet : wb) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            b.append(cell).append('\n');
                        }
                    }
                }
            }
            return b.toString();
        }
        return new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
    }
}
