package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.qiyouxiang.warehouse.FaultInjection;

/**
 * A file that kills the process while it is read: the nightly is killed with SIGKILL inside the parse of one
 * workbook (held there by {@link FaultInjection#READING_PROPERTY}, its reading mark committed). The next launch
 * quarantines that file (etl_file status quarantined, the file moved from the inbox to the quarantine folder, the
 * bureau's 退回重报 workbook, the clerk's summary) instead of reading it again, and completes with exit code 4; the
 * night after, it is not read again and the run still ends with 4; a new copy put back by the clerk is read.
 */
class PoisonFileIT {

    static final String POISON = "人社局2026年第三季度指标报表.xlsx";

    static final List<String> INBOX = List.of(POISON, "残联2026年第三季度指标报送.xlsx", "平台_指标数据_2024Q2.csv",
            "情况说明/情况说明_2025Q1-Q2.csv");

    static Path inbox(Path work) throws Exception {
        return SampleInbox.copy(work.resolve("inbox"), INBOX);
    }

    /** The same for a platform export and a 情况说明 file: killed inside its read, quarantined by the next launch. */
    @ParameterizedTest
    @ValueSource(strings = {"平台_指标数据_2024Q2.csv", "情况说明/情况说明_2025Q1-Q2.csv"})
    void platformExportsAndExplanationFilesAreQuarantinedTheSameWay(String poison) throws Exception {
        Path work = Files.createTempDirectory("qyx-poison-");
        Path inbox = inbox(work);
        String name = Path.of(poison).getFileName().toString();
        ChildRun.Result killed = ChildRun.nightly(work, inbox, "1g",
                List.of("-D" + FaultInjection.READING_PROPERTY + "=" + name), "QYX-FAULT-HOLD read:" + name);
        assertThat(killed.killed()).as(killed.output()).isTrue();
        ChildRun.Result next = ChildRun.nightly(work, inbox, "1g", List.of(), null);
        System.out.println("PoisonFileIT: " + name + ": the launch after the kill: exit " + next.exitCode());
        assertThat(next.exitCode()).as(next.output()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(Files.exists(inbox.resolve(poison))).as("moved out of the inbox").isFalse();
        assertThat(Files.exists(work.resolve("quarantine").resolve(LocalDate.now().toString()).resolve(name))).isTrue();
        Path warehouse = work.resolve("w.duckdb");
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + name
                + "' AND status = 'quarantined'")).isEqualTo(1);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE status = 'processing'")).isZero();
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + POISON
                + "' AND status LIKE 'loaded%'")).isEqualTo(1);
    }

    @Test
    void theLaunchAfterAFileKilledTheProcessQuarantinesItAndCompletes() throws Exception {
        Path work = Files.createTempDirectory("qyx-poison-");
        Path inbox = inbox(work);
        Path warehouse = work.resolve("w.duckdb");

        ChildRun.Result killed = ChildRun.nightly(work, inbox, "1g",
                List.of("-D" + FaultInjection.READING_PROPERTY + "=" + POISON), "QYX-FAULT-HOLD read:" + POISON);
        assertThat(killed.killed()).as(killed.output()).isTrue();
        assertThat(Files.exists(inbox.resolve(POISON))).isTrue();

        ChildRun.Result next = ChildRun.nightly(work, inbox, "1g", List.of(), null);
        System.out.println("PoisonFileIT: the launch after the kill: exit " + next.exitCode());
        assertThat(next.exitCode()).as(next.output()).isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(next.output()).contains("已隔离").contains(POISON).contains("异常终止");
        Path quarantined = work.resolve("quarantine").resolve(LocalDate.now().toString()).resolve(POISON);
        assertThat(Files.exists(inbox.resolve(POISON))).as("moved out of the inbox").isFalse();
        assertThat(Files.exists(quarantined)).as("in the quarantine folder").isTrue();
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + POISON
                + "' AND status = 'quarantined' AND quarantined_from = '" + inbox.resolve(POISON) + "' AND path = '" + quarantined + "'"))
                .isEqualTo(1);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_reject WHERE file_name = '" + POISON
                + "' AND reason_code = 'QUARANTINED'")).isEqualTo(1);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE status = 'processing'")).isZero();
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '残联2026年第三季度指标报送.xlsx'"
                + " AND status LIKE 'loaded%'")).isEqualTo(1);
        try (Stream<Path> feedback = Files.walk(work.resolve("out/feedback"))) {
            assertThat(feedback.map(p -> p.getFileName().toString())).contains("人社局2026年第三季度指标报表_退回重报.xlsx");
        }

        ChildRun.Result night = ChildRun.nightly(work, inbox, "1g", List.of(), null);
        assertThat(night.exitCode()).as("the quarantined file keeps the night at 4:\n" + night.output())
                .isEqualTo(ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + POISON + "'")).isEqualTo(1);

        Files.copy(Path.of("samples/inbox").resolve(POISON), inbox.resolve(POISON));
        ChildRun.Result back = ChildRun.nightly(work, inbox, "1g", List.of(), null);
        System.out.println("PoisonFileIT: nights after: exit " + night.exitCode() + ", with a new copy put back: exit " + back.exitCode());
        assertThat(back.exitCode()).as(back.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
        assertThat(Launches.count(warehouse, "SELECT count(*) FROM etl_file WHERE file_name = '" + POISON
                + "' AND status LIKE 'loaded%'")).isEqualTo(1);
    }
}
