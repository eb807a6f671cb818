package com.qiyouxiang.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
import com.qiyouxiang.evaluation.EvaluationProperties;
import com.qiyouxiang.intake.pull.AddressBook;
import com.qiyouxiang.intake.pull.TrustStores;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * mailReply's calendar for 2026Q3 (the quarter ends 2026-09-30; submission deadline 10 days later, 2026-10-10; 催报
 * from 5 days before it; the 季度调度会 20 days after the quarter's end): nothing before the 催报 window; in it, one
 * 催报 per bureau owing figures, listing exactly its rows of mart_data_completeness, and never a second one; after the
 * deadline, each bureau with red or yellow indicators its own lines of the report, once; after the meeting nothing.
 */
class ReplyWindowsTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    Warehouse warehouse;
    @Autowired
    ReplyProperties replyProperties;
    @Autowired
    EvaluationProperties evaluation;
    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;
    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Test
    void remindersBeforeTheDeadlineReportLinesBeforeTheMeetingEachOnce() throws Exception {
        run(referenceJob);
        try (Connection c = warehouse.connect()) {
            // H03 2026: E = 95 every quarter; 80 for the city -> red, so 卫生健康局 has a report line
            FactWriter.write(c, List.of(Observation.of("H03", "330681", "2026Q3", 80.0)
                    .withSource(Observation.Source.cell("分镇街", 29L, "分镇街!F29"))), "spreadsheet", "WJ", null, "卫健局2026Q3.xlsx", null);
        }
        run(evaluationJob, "quarter", "2026Q3", "today", "2026-10-06");
        assertThat(evaluation.submissionDeadlineDays()).as("the calendar this test is written for").isEqualTo(10);

        Path outbox = outputDir.resolve("mail-dry-run");
        ReplyProperties dry = new ReplyProperties(true, true, null, null, null, null, null, "qyx@example.gov.cn", null,
                replyProperties.addressBook(), outbox, 5, 20, null);
        MailReply reply = new MailReply(dry, warehouse, TrustStores.sslContext(null), feedbackDir, evaluation.submissionDeadlineDays());
        AddressBook book = AddressBook.load(replyProperties.addressBook());
        JdbcTemplate jdbc = warehouse.jdbc();

        assertThat(reply.due(LocalDate.of(2026, 10, 4))).as("before the 催报 window").isEmpty();
        assertThat(reply.due(LocalDate.of(2026, 10, 20))).as("on the day of the 季度调度会 and after").isEmpty();

        // in the window: one 催报 per owing bureau that has an address, listing exactly what it owes
        Map<String, Long> owed = jdbc.queryForList("SELECT bureau_code FROM mart_data_completeness WHERE quarter_code = '2026Q3'",
                String.class).stream().filter(b -> !book.addressesOf(b).isEmpty())
                .collect(Collectors.groupingBy(b -> b, Collectors.counting()));
        assertThat(owed).isNotEmpty();
        List<Outgoing> reminders = reply.due(LocalDate.of(2026, 10, 5));
        assertThat(reminders).allMatch(o -> o.kind().equals("reminder"));
        assertThat(reminders).extracting(Outgoing::bureauCode).containsExactlyInAnyOrderElementsOf(owed.keySet());
        for (Outgoing o : reminders) {
            assertThat(o.subject()).isEqualTo("【七优享】催报：2026年第三季度尚有 " + owed.get(o.bureauCode()) + " 项数据未报送");
            assertThat(o.to()).isEqualTo(book.addressesOf(o.bureauCode()).get(0));
            assertThat(o.body()).contains("2026年10月10日").doesNotContain("2026Q3").doesNotContain("mart_")
                    .doesNotContainPattern("（[^）]*\\d{4}Q\\d");
        }
        assertThat(reply.due(LocalDate.of(2026, 10, 10))).as("the deadline day is still in the window").hasSameSizeAs(reminders);

        // written once (dry run: .eml files), then never again for the same quarter
        assertThat(reply.replyAll(LocalDate.of(2026, 10, 6), 1L).sent()).isEqualTo(reminders.size());
        try (Stream<Path> eml = Files.walk(outbox)) {
            assertThat(eml.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(reminders.size());
        }
        assertThat(reply.due(LocalDate.of(2026, 10, 7))).as("a 催报 is not sent twice").isEmpty();

        // after the deadline and before the meeting: each bureau's red and yellow indicators
        List<Outgoing> report = reply.due(LocalDate.of(2026, 10, 11));
        assertThat(report).isNotEmpty().allMatch(o -> o.kind().equals("report"));
        assertThat(report).filteredOn(o -> o.bureauCode().equals("WJ")).singleElement()
                .satisfies(o -> assertThat(o.body()).contains("0-3岁儿童发育监测筛查率：红灯，当前值 80%").contains("序时目标 95"));
        Long flagged = jdbc.queryForObject("""
                SELECT count(DISTINCT bureau_code) FROM mart_indicator_quarter
                WHERE quarter_code = '2026Q3' AND light IN ('red', 'yellow')""", Long.class);
        assertThat((long) report.size()).isLessThanOrEqualTo(flagged);
        reply.replyAll(LocalDate.of(2026, 10, 12), 2L);
        assertThat(reply.due(LocalDate.of(2026, 10, 13))).as("the report lines are not sent twice").isEmpty();

    }

    private void run(Job job, String... parameters) throws Exception {
        jobs.setJob(job);
        JobParametersBuilder b = new JobParametersBuilder().addLong("run", System.nanoTime());
        for (int i = 0; i < parameters.length; i += 2) {
            b.addString(parameters[i], parameters[i + 1]);
        }
        JobExecution e = jobs.startJob(b.toJobParameters());
        assertThat(e.getStatus()).as(e.getAllFailureExceptions().toString()).isEqualTo(BatchStatus.COMPLETED);
    }
}
