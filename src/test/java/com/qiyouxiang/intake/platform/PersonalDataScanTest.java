package com.qiyouxiang.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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
import org.springframework.test.context.TestPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * After platformJob has loaded the sample exports (IDs valid by GB 11643, names 测试人员nnnn, mobiles
 * 1380000nnnn): no 18-digit ID number, no 11-digit mobile number and no person name in the warehouse
 * file's bytes, in any text column of any table (the reject table included: masked IDs only), in the
 * log output, nor in a leftover transcoded temp file.
 */
@ExtendWith(OutputCaptureExtension.class)
// the log lines scanned below are on the console too (by default it shows only the clerk's summary and errors)
@TestPropertySource(properties = {"qyx.platform.temp-dir=target/test-platform-tmp", "logging.threshold.console=INFO"})
class PersonalDataScanTest extends WarehouseJobTest {

    /** 17 digits and a check character, or a mobile, not inside a longer run of digits or hex characters. */
    static final Pattern ID = Pattern.compile("(?<![0-9A-Fa-f])[0-9]{17}[0-9Xx](?![0-9A-Fa-f])");
    static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Fa-f])1[3-9][0-9]{9}(?![0-9A-Fa-f])");

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

    @Test
    void noIdNumberPhoneOrNameAnywhere(CapturedOutput output) throws Exception {
        for (Job job : List.of(referenceJob, platformJob)) {
            jobs.setJob(job);
            assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters())
                    .getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
        JdbcTemplate jdbc = warehouse.jdbc();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM rec_care_worker", Long.class)).isGreaterThan(8000);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_reject WHERE raw_value LIKE '330681********%'", Long.class))
                .isEqualTo(3);   // the three ID rejects keep the masked form only
        Set<String> persons = samplePersons();
        assertThat(persons).hasSizeGreaterThan(3000);

        // every text column of every table
        List<String> found = new ArrayList<>();
        for (Map<String, Object> col : jdbc.queryForList("""
                SELECT table_name, column_name FROM information_schema.columns
                WHERE data_type = 'VARCHAR' AND table_schema = 'main'""")) {
            String table = col.get("table_name").toString();
            String column = col.get("column_name").toString();
            for (String value : jdbc.queryForList("SELECT DISTINCT \"" + column + "\" FROM \"" + table + "\" WHERE \""
                    + column + "\" IS NOT NULL", String.class)) {
                if (ID.matcher(value).find() || MOBILE.matcher(value).find() || value.contains("测试人员")) {
                    found.add(table + "." + column + ": " + value);
                }
            }
        }
        assertThat(found).as("personal data in warehouse tables").isEmpty();

        // the file's bytes (checkpointed, so everything is in the file)
        jdbc.execute("CHECKPOINT");
        List<Path> files = new ArrayList<>();
        files.add(warehouse.path());
        Path wal = Path.of(warehouse.path() + ".wal");
        if (Files.exists(wal)) {
            files.add(wal);
        }
        for (Path f : files) {
            byte[] bytes = Files.readAllBytes(f);
            assertThat(leaks(new String(bytes, StandardCharsets.ISO_8859_1), persons)).as("raw personal data in " + f).isEmpty();
            assertThat(contains(bytes, "测试人员".getBytes(StandardCharsets.UTF_8))).as("a name in " + f).isFalse();
            assertThat(contains(bytes, "测试人员".getBytes(Charset.forName("GBK")))).as("a GBK name in " + f).isFalse();
        }

        // the log
        assertThat(output.getAll()).contains("Loading 平台_养老护理员持证名单", "Platform hash key fingerprint");
        assertThat(leaks(output.getAll(), persons)).as("personal data in the log").isEmpty();
        assertThat(output.getAll()).doesNotContain("测试人员");

        // no transcoded copy left behind
        Path temp = Path.of("target/test-platform-tmp");
        if (Files.isDirectory(temp)) {
            try (Stream<Path> left = Files.list(temp)) {
                assertThat(left.toList()).isEmpty();
            }
        }
    }

    /** ID and mobile patterns, and any exact sample ID or phone (in whatever bytes surround it). */
    static List<String> leaks(String text, Set<String> persons) {
        List<String> found = new ArrayList<>();
        for (Pattern p : List.of(ID, MOBILE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                found.add(m.group());
            }
        }
        Matcher digits = Pattern.compile("[0-9]{11,}[0-9Xx]?").matcher(text);
        while (digits.find()) {
            String run = digits.group();
            for (String value : persons) {
                if (run.contains(value)) {
                    found.add(value);
                }
            }
        }
        return found;
    }

    /** Every 身份证号 and 手机号 in the sample record exports. */
    static Set<String> samplePersons() throws Exception {
        Set<String> values = new HashSet<>();
        for (String line : Files.readAllLines(PlatformJobTest.CARE_WORKERS, Charset.forName("GBK"))) {
            String[] f = line.split(",");
            values.add(f[1]);
            values.add(f[2]);
        }
        for (String line : Files.readAllLines(PlatformJobTest.DIBAO, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            values.add(f[2]);
            values.add(f[3]);
        }
        values.removeIf(v -> !v.matches("[0-9]{11}|[0-9]{17}[0-9X]"));
        return values;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
