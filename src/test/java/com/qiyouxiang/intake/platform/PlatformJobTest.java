package com.qiyouxiang.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * platformJob on the committed sample exports (samples/inbox, written by PlatformExportWriter):
 * every line loaded, rejected with its line number or ignored; derived indicators equal a hand
 * computation from the files; a second run loads nothing new.
 */
class PlatformJobTest extends WarehouseJobTest {

    static final Path INBOX = Path.of("samples/inbox");
    static final Path CHILDCARE = INBOX.resolve("平台_托育机构名录_2023Q1-2026Q3.csv");
    static final Path CARE_WORKERS = INBOX.resolve("平台_养老护理员持证名单_2023Q1-2026Q3.csv");
    static final Path DIBAO = INBOX.resolve("平台_最低生活保障对象_2023Q1-2026Q3.tsv");

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("platformJob")
    Job platformJob;

    @Autowired
    Warehouse warehouse;

    JdbcTemplate jdbc;

    static boolean loaded;

    @BeforeEach
    void loadOnce() throws Exception {
        jdbc = warehouse.jdbc();
        if (loaded) {
            return;
        }
        run(referenceJob);
        try (Connection c = warehouse.connect()) {
            FactWriter.write(c, population(), "spreadsheet", "TJ", null, "test population", null);
            // 卫生健康局's own spreadsheet figure for H01, 暨阳 2024Q2, to stand beside the derived one
            FactWriter.write(c, List.of(Observation.of("H01", towns().get(0), "2024Q2", 4.2)), "spreadsheet", "WJ", null,
                    "test spreadsheet", null);
        }
        run(platformJob);
        loaded = true;
    }

    /** C01 常住人口 and C02 60岁及以上 by town, 2023-2025 (2026 falls back to 2025): known figures for the hand computation. */
    static List<Observation> population() {
        List<Observation> facts = new ArrayList<>();
        List<String> towns = towns();
        for (int year = 2023; year <= 2025; year++) {
            for (int i = 0; i < towns.size(); i++) {
                facts.add(Observation.of("C01", towns.get(i), String.valueOf(year), residents(i, year)));
                facts.add(Observation.of("C02", towns.get(i), String.valueOf(year), elderly(i, year)));
            }
        }
        return facts;
    }

    static double residents(int town, int year) {
        return 30000 + 2000 * town + 100 * (year - 2023);
    }

    static double elderly(int town, int year) {
        return 7000 + 500 * town + 50 * (year - 2023);
    }

    static List<String> towns() {
        try {
            return Files.readAllLines(Path.of("samples/reference/towns.csv")).stream().skip(1).map(l -> l.split(",")[1]).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a job to completion; returns its first step's summary (not the execution: Spring Batch's test listener would take a JobExecution-returning method for a factory). */
    String run(Job job) throws Exception {
        jobs.setJob(job);
        JobExecution execution = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        var context = execution.getStepExecutions().iterator().next().getExecutionContext();
        return context.containsKey("qyx.summary") ? context.getString("qyx.summary") : "";
    }

    @Test
    void everyFileIsLoadedAndItsRowsReconcile() throws Exception {
        List<Map<String, Object>> files = jdbc.queryForList("""
                SELECT file_name, status, mapping_id, message, rows_read, rows_loaded, rows_rejected, rows_ignored
                FROM etl_file WHERE source_kind LIKE 'platform%' ORDER BY file_name""");
        assertThat(files).extracting(f -> f.get("file_name") + " " + f.get("mapping_id") + " " + f.get("message"))
                .containsExactlyInAnyOrder(
                        "平台_养老护理员持证名单_2023Q1-2026Q3.csv platform-care-workers GB18030",
                        "平台_托育机构名录_2023Q1-2026Q3.csv platform-childcare-institutions UTF-8-BOM",
                        "平台_指标数据_2024Q2.csv platform-indicators UTF-8",
                        "平台_指标数据_2025_gbk.tsv platform-indicators GB18030",
                        "平台_最低生活保障对象_2023Q1-2026Q3.tsv platform-dibao-recipients UTF-8");
        for (Map<String, Object> f : files) {
            assertThat(f.get("status")).as(f.get("file_name").toString()).isEqualTo("loaded_with_rejects");
            assertThat(((Number) f.get("rows_read")).longValue()).isEqualTo(((Number) f.get("rows_loaded")).longValue()
                    + ((Number) f.get("rows_rejected")).longValue() + ((Number) f.get("rows_ignored")).longValue());
            assertThat(((Number) f.get("rows_rejected")).longValue()).isEqualTo(
                    jdbc.queryForObject("SELECT count(*) FROM etl_reject WHERE file_name = ?", Long.class, f.get("file_name")));
        }
        // the record lines of a file without embedded line breaks: one row read per line
        long careLines = lines(CARE_WORKERS, Charset.forName("GBK")).size();
        assertThat(jdbc.queryForObject("SELECT rows_read FROM etl_file WHERE file_name = ?", Long.class,
                CARE_WORKERS.getFileName().toString())).isEqualTo(careLines);
    }

    @Test
    void badLinesAreRejectedWithLineNumbersAndMaskedIds() throws Exception {
        List<String> care = lines(CARE_WORKERS, Charset.forName("GBK"));
        Map<String, Object> badCheck = reject(CARE_WORKERS, "ID_CHECK_DIGIT");
        assertThat(badCheck.get("row_number")).isEqualTo(lineOf(care, "测试人员9991"));
        String id = care.get(lineOf(care, "测试人员9991").intValue() - 1).split(",")[1];
        assertThat(badCheck.get("raw_value")).isEqualTo(id.substring(0, 6) + "********" + id.substring(14));
        assertThat(badCheck.get("message_zh").toString()).contains("校验码");
        assertThat(reject(CARE_WORKERS, "ID_BIRTH_DATE").get("row_number")).isEqualTo(lineOf(care, "测试人员9992"));
        Map<String, Object> division = reject(CARE_WORKERS, "UNKNOWN_DIVISION");
        assertThat(division.get("row_number")).isEqualTo(lineOf(care, "测试人员9993"));
        assertThat(division.get("raw_value")).isEqualTo("330681999000");
        Map<String, Object> columns = reject(CARE_WORKERS, "WRONG_COLUMN_COUNT");
        assertThat(columns.get("row_number")).isEqualTo(lineOf(care, "测试人员9994"));
        assertThat(columns.get("raw_value")).isNull();
        assertThat(columns.get("message_zh").toString()).contains("表头有 7 列", "本行 6 列");

        List<String> dibao = lines(DIBAO, StandardCharsets.UTF_8);
        Map<String, Object> number = reject(DIBAO, "BAD_NUMBER");
        assertThat(number.get("row_number")).isEqualTo(lineOf(dibao, "测试人员9982"));
        assertThat(number.get("raw_value")).isEqualTo("一千");
        assertThat(number.get("message_zh")).isEqualTo("“月保障金额”应为数字");
        assertThat(reject(DIBAO, "ID_CHECK_DIGIT").get("row_number")).isEqualTo(lineOf(dibao, "测试人员9981"));
        assertThat(reject(DIBAO, "UNKNOWN_DIVISION").get("row_number")).isEqualTo(lineOf(dibao, "测试人员9983"));
        assertThat(reject(DIBAO, "WRONG_COLUMN_COUNT").get("row_number")).isEqualTo(lineOf(dibao, "测试人员9984"));

        List<String> childcare = lines(CHILDCARE, StandardCharsets.UTF_8);
        assertThat(reject(CHILDCARE, "BAD_NUMBER").get("row_number")).isEqualTo(lineOf(childcare, "MA99999992"));
        assertThat(reject(CHILDCARE, "BAD_FLAG").get("raw_value")).isEqualTo("待定");

        // the indicator export: line numbers count the physical lines, quoted line breaks included
        List<String> indicators = lines(INBOX.resolve("平台_指标数据_2024Q2.csv"), StandardCharsets.UTF_8);
        Map<String, Object> unknown = reject(INBOX.resolve("平台_指标数据_2024Q2.csv"), "UNKNOWN_INDICATOR");
        assertThat(unknown.get("row_number")).isEqualTo(lineOf(indicators, "H99,"));
        assertThat(reject(INBOX.resolve("平台_指标数据_2024Q2.csv"), "BAD_NUMBER").get("raw_value")).isEqualTo("N/A");
        assertThat(reject(INBOX.resolve("平台_指标数据_2024Q2.csv"), "OUT_OF_RANGE").get("message_zh").toString())
                .contains("强制性", "112.5");
        assertThat(reject(INBOX.resolve("平台_指标数据_2024Q2.csv"), "BAD_PERIOD").get("raw_value")).isEqualTo("2024-05");
        assertThat(reject(INBOX.resolve("平台_指标数据_2025_gbk.tsv"), "UNIT_MISMATCH").get("raw_value")).isEqualTo("人");
    }

    @Test
    void indicatorExportsBecomePlatformFacts() {
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fct_indicator_value WHERE source_kind = 'platform' AND indicator_code = 'H03'
                AND period_code = '2024Q2' AND is_current""", Integer.class)).isEqualTo(23);
        assertThat(jdbc.queryForObject("""
                SELECT value FROM fct_indicator_value WHERE source_kind = 'platform' AND indicator_code = 'H14'
                AND town_code = '330681' AND period_code = '2024Q2'""", Double.class)).isEqualTo(84.05);
        assertThat(jdbc.queryForList("""
                SELECT period_code FROM fct_indicator_value WHERE source_kind = 'platform' AND indicator_code = 'H14'
                AND town_code = '330681' AND period_code LIKE '2025%' ORDER BY 1""", String.class))
                .containsExactly("2025Q1", "2025Q2", "2025Q3");
        assertThat(jdbc.queryForObject("""
                SELECT bureau_code FROM fct_indicator_value WHERE source_kind = 'platform' AND indicator_code = 'H08'
                AND town_code = '330681'""", String.class)).isEqualTo("RS");
    }

    @Test
    void childcareIndicatorsAgreeWithAHandComputation() throws Exception {
        // 托位数 by town in 2024Q2 from the file itself (the good lines: a known town, a number, 是/否)
        Map<String, long[]> places = new HashMap<>();   // town -> {all, puhui}
        List<String> towns = towns();
        for (String line : lines(CHILDCARE, StandardCharsets.UTF_8).subList(1, lines(CHILDCARE, StandardCharsets.UTF_8).size())) {
            String[] f = line.split(",", -1);
            if (f.length != 6 || !"2024Q2".equals(PeriodText.parse(f[5])) || !f[3].matches("\\d+")
                    || !f[4].matches("是|否")) {
                continue;
            }
            String town = f[2].substring(0, 9);
            if (!towns.contains(town)) {
                continue;
            }
            long[] p = places.computeIfAbsent(town, t -> new long[2]);
            p[0] += Long.parseLong(f[3]);
            p[1] += f[4].equals("是") ? Long.parseLong(f[3]) : 0;
        }
        String jiyang = towns.get(0);
        double expected = Math.round(places.get(jiyang)[0] / residents(0, 2024) * 1000 * 10000) / 10000.0;
        Map<String, Object> h01 = fact("H01", jiyang, "2024Q2");
        assertThat(h01.get("value")).isEqualTo(expected);
        assertThat(h01.get("numerator")).isEqualTo((double) places.get(jiyang)[0]);
        assertThat(h01.get("denominator")).isEqualTo(residents(0, 2024));

        long cityPlaces = places.values().stream().mapToLong(p -> p[0]).sum();
        long cityPuhui = places.values().stream().mapToLong(p -> p[1]).sum();
        double cityResidents = 0;
        for (int i = 0; i < towns.size(); i++) {
            cityResidents += residents(i, 2024);
        }
        assertThat(fact("H01", "330681", "2024Q2").get("value"))
                .isEqualTo(Math.round(cityPlaces / cityResidents * 1000 * 10000) / 10000.0);
        Map<String, Object> h02 = fact("H02", "330681", "2024Q2");
        assertThat(h02.get("numerator")).isEqualTo((double) cityPuhui);
        assertThat(h02.get("denominator")).isEqualTo((double) cityPlaces);
        assertThat(h02.get("value")).isEqualTo(Math.round(cityPuhui * 100.0 / cityPlaces * 10000) / 10000.0);
        // 2026 has no population yet: the latest year (2025) is used
        assertThat(fact("H01", jiyang, "2026Q3").get("denominator")).isEqualTo(residents(0, 2025));
        assertThat(jdbc.queryForObject("SELECT count(DISTINCT period_code) FROM fct_indicator_value WHERE indicator_code = 'H01' AND source_kind = 'derived'",
                Integer.class)).isEqualTo(15);
    }

    @Test
    void personIndicatorsCountDistinctPersons() throws Exception {
        List<String> towns = towns();
        Set<String> city = new HashSet<>();
        Map<String, Set<String>> byTown = new HashMap<>();
        for (String line : lines(CARE_WORKERS, Charset.forName("GBK")).subList(1, lines(CARE_WORKERS, Charset.forName("GBK")).size())) {
            String[] f = line.split(",", -1);
            if (f.length == 7 && f[6].equals("2024Q2") && towns.contains(f[5].substring(0, 9)) && !f[0].startsWith("测试人员99")) {
                city.add(f[1]);
                byTown.computeIfAbsent(f[5].substring(0, 9), t -> new HashSet<>()).add(f[1]);
            }
        }
        double cityElderly = 0;
        for (int i = 0; i < towns.size(); i++) {
            cityElderly += elderly(i, 2024);
        }
        Map<String, Object> h13 = fact("H13", "330681", "2024Q2");
        assertThat(h13.get("numerator")).isEqualTo((double) city.size());
        assertThat(h13.get("value")).isEqualTo(Math.round(city.size() / cityElderly * 10000 * 10000) / 10000.0);
        assertThat(fact("H13", towns.get(3), "2024Q2").get("numerator"))
                .isEqualTo((double) byTown.getOrDefault(towns.get(3), Set.of()).size());

        Set<String> recipients = new HashSet<>();
        double monthly = 0;
        for (String line : lines(DIBAO, StandardCharsets.UTF_8).subList(1, lines(DIBAO, StandardCharsets.UTF_8).size())) {
            String[] f = line.split("\t", -1);
            if (f.length == 7 && "2024Q2".equals(PeriodText.parse(f[6])) && !f[1].startsWith("测试人员99")) {
                recipients.add(f[2]);
                monthly += Double.parseDouble(f[5]);
            }
        }
        assertThat(fact("C04", "330681", "2024Q2").get("value")).isEqualTo((double) recipients.size());
        assertThat(fact("C05", "330681", "2024Q2").get("value"))
                .isEqualTo(Math.round(monthly * 12 / recipients.size() * 100) / 100.0);
    }

    @Test
    void reportedAndDerivedFiguresStandSideBySide() throws Exception {
        // the platform indicator export reports H13 for the city in 2024Q2 (24.1); it is also derived
        Map<String, Object> row = jdbc.queryForMap("""
                SELECT * FROM v_reported_vs_derived WHERE indicator_code = 'H13' AND town_code = '330681' AND period_code = '2024Q2'""");
        assertThat(row.get("reported_value")).isEqualTo(24.1);
        assertThat(row.get("reported_source")).isEqualTo("platform");
        assertThat((Double) row.get("difference")).isCloseTo((Double) row.get("derived_value") - 24.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM fct_indicator_value WHERE indicator_code = 'H13' AND town_code = '330681'
                AND period_code = '2024Q2' AND is_current""", Integer.class)).isEqualTo(2);
        // and a bureau's spreadsheet figure beside the derived one
        Map<String, Object> h01 = jdbc.queryForMap("""
                SELECT * FROM v_reported_vs_derived WHERE indicator_code = 'H01' AND town_code = ? AND period_code = '2024Q2'""",
                towns().get(0));
        assertThat(h01.get("reported_source")).isEqualTo("spreadsheet");
        assertThat(h01.get("reported_value")).isEqualTo(4.2);
        assertThat(h01.get("derived_value")).isEqualTo(fact("H01", towns().get(0), "2024Q2").get("value"));
        assertThat(h01.get("town_name")).isEqualTo("暨阳街道");
    }

    @Test
    void aSecondRunLoadsNothingNew() throws Exception {
        long files = jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class);
        long facts = jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value", Long.class);
        long records = jdbc.queryForObject("SELECT (SELECT count(*) FROM rec_care_worker) + (SELECT count(*) FROM rec_dibao_recipient)"
                + " + (SELECT count(*) FROM rec_childcare_institution)", Long.class);
        String summary = run(platformJob);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class)).isEqualTo(files);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM fct_indicator_value", Long.class)).isEqualTo(facts);
        assertThat(jdbc.queryForObject("SELECT (SELECT count(*) FROM rec_care_worker) + (SELECT count(*) FROM rec_dibao_recipient)"
                + " + (SELECT count(*) FROM rec_childcare_institution)", Long.class)).isEqualTo(records);
        assertThat(summary).contains("5 unchanged");
    }

    Map<String, Object> fact(String indicator, String town, String period) {
        return jdbc.queryForMap("""
                SELECT value, numerator, denominator, revision FROM fct_indicator_value
                WHERE source_kind = 'derived' AND is_current AND indicator_code = ? AND town_code = ? AND period_code = ?""",
                indicator, town, period);
    }

    Map<String, Object> reject(Path file, String reason) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM etl_reject WHERE file_name = ? AND reason_code = ?",
                file.getFileName().toString(), reason);
        assertThat(rows).as(reason + " in " + file + ": " + jdbc.queryForList(
                "SELECT row_number, reason_code, raw_value FROM etl_reject WHERE file_name = ?", file.getFileName().toString()))
                .hasSize(1);
        return rows.get(0);
    }

    static Long lineOf(List<String> lines, String marker) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(marker)) {
                return (long) i + 1;
            }
        }
        throw new IllegalArgumentException(marker + " not in the file");
    }

    static List<String> lines(Path file, Charset charset) throws Exception {
        try (BufferedReader r = Files.newBufferedReader(file, charset)) {
            return r.lines().map(l -> l.replace("\uFEFF", "")).toList();
        }
    }
}
