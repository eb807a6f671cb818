package com.qiyouxiang.reply;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.evaluation.EvaluationProperties;
import com.qiyouxiang.intake.pull.MailPullTest;
import com.qiyouxiang.intake.pull.TestMailServer;
import com.qiyouxiang.intake.pull.TlsProperties;
import com.qiyouxiang.intake.pull.TrustStores;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The mail round trip on GreenMail (IMAPS and SMTPS on 127.0.0.1, a certificate only the configured trust store
 * vouches for): two bureaus mail their committed sample workbooks and a stranger mails one too; pullJob takes the
 * bureaus' (the stranger's is quarantined), ingestJob loads them with the message date as received time, replyJob sends
 * each bureau one Chinese reply to the address it wrote from (退回修改 with the feedback workbook attached for the one
 * with rejected cells) and the stranger nothing; a second replyJob sends nothing new; a dry run writes .eml files.
 */
class MailRoundTripTest extends WarehouseJobTest {

    static final Path WJ_FILE = Path.of("samples/inbox/市卫健局2024年1-6月分镇街托育数据.xlsx");
    static final Path RS_FILE = Path.of("samples/inbox/人社局2026年第三季度指标报表.xlsx");
    static final String WJ = "wjj-fuyou@example.gov.cn";
    static final String RS = "rsj-tongji@example.gov.cn";
    static final Instant SENT = Instant.parse("2024-07-08T02:00:00Z");

    static TestMailServer server;
    static Path inbox;

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) throws Exception {
        Path work = Files.createTempDirectory("qyx-mail-" + UUID.randomUUID());
        server = new TestMailServer(work);
        inbox = Files.createDirectories(work.resolve("inbox"));
        TlsProperties tls = TestMailServer.certificates(work).tls();
        registry.add("qyx.inbox-dir", inbox::toString);
        registry.add("qyx.tls.trust-store", () -> tls.trustStore().toString());
        registry.add("qyx.tls.trust-store-password", tls::trustStorePassword);
        registry.add("qyx.pull.mail.enabled", () -> "true");
        registry.add("qyx.pull.mail.host", () -> "127.0.0.1");
        registry.add("qyx.pull.mail.port", () -> server.imapsPort());
        registry.add("qyx.pull.mail.username", () -> TestMailServer.MAILBOX);
        registry.add("qyx.pull.mail.password", () -> TestMailServer.PASSWORD);
        registry.add("qyx.reply.enabled", () -> "true");
        registry.add("qyx.reply.dry-run", () -> "false");
        registry.add("qyx.reply.host", () -> "127.0.0.1");
        registry.add("qyx.reply.port", () -> server.smtpsPort());
        registry.add("qyx.reply.username", () -> TestMailServer.MAILBOX);
        registry.add("qyx.reply.password", () -> TestMailServer.PASSWORD);
        registry.add("qyx.reply.from", () -> TestMailServer.MAILBOX);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    Warehouse warehouse;

    @Autowired
    ReplyProperties replyProperties;

    @Autowired
    EvaluationProperties evaluation;

    @Value("${qyx.feedback-dir}")
    Path feedback;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("pullJob")
    Job pullJob;

    @Autowired
    @Qualifier("ingestJob")
    Job ingestJob;

    @Autowired
    @Qualifier("replyJob")
    Job replyJob;

    @Test
    void bureausMailTheirWorkbooksAndGetOneReplyEachStrangersNothing() throws Exception {
        server.deliver(MailPullTest.message("<wj-1@example.gov.cn>", WJ, SENT,
                MailPullTest.part(WJ_FILE.getFileName().toString(), Files.readAllBytes(WJ_FILE))));
        server.deliver(MailPullTest.message("<rs-1@example.gov.cn>", RS, SENT,
                MailPullTest.part(RS_FILE.getFileName().toString(), Files.readAllBytes(RS_FILE))));
        server.deliver(MailPullTest.message("<x-1@elsewhere.example>", "someone@elsewhere.example", SENT,
                MailPullTest.part(RS_FILE.getFileName().toString(), Files.readAllBytes(RS_FILE))));
        run(referenceJob);
        assertThat(run(pullJob)).filteredOn(s -> s.getStepName().equals("mailPull"))
                .singleElement().satisfies(s -> assertThat(s.getExitStatus().getExitCode())
                        .as("a quarantined message is something to look at: exit 4").isEqualTo("COMPLETED_WITH_WARNINGS"));
        run(ingestJob);
        JdbcTemplate jdbc = warehouse.jdbc();
        assertThat(jdbc.queryForList("SELECT file_name FROM etl_file WHERE source_kind = 'spreadsheet' ORDER BY 1", String.class))
                .containsExactly("人社局2026年第三季度指标报表_20240708.xlsx", "市卫健局2024年1-6月分镇街托育数据_20240708.xlsx");
        assertThat(jdbc.queryForObject("SELECT DISTINCT received_at FROM etl_file WHERE source_kind = 'spreadsheet'",
                Timestamp.class).toInstant()).as("the message date is the received time").isEqualTo(SENT);
        assertThat(jdbc.queryForObject("SELECT rows_rejected FROM etl_file WHERE file_name LIKE '市卫健局%'", Long.class)).isPositive();
        assertThat(jdbc.queryForObject("SELECT period_code FROM etl_file WHERE file_name LIKE '人社局%'", String.class))
                .isEqualTo("2026Q3");

        run(replyJob);
        List<MimeMessage> replies = repliesTo(WJ, RS, "someone@elsewhere.example");
        assertThat(replies).hasSize(2);
        MimeMessage wj = replies.stream().filter(m -> to(m).equals(WJ)).findFirst().orElseThrow();
        assertThat(wj.getSubject()).startsWith("【七优享】退回修改：市卫健局2024年1-6月分镇街托育数据_20240708.xlsx");
        assertThat(text(wj)).contains("卫生健康局：").contains("退回修改").doesNotContain("reason").doesNotContain("samples/");
        assertThat(attachments(wj)).containsExactly("市卫健局2024年1-6月分镇街托育数据_20240708_退回修改.xlsx");
        MimeMessage rs = replies.stream().filter(m -> to(m).equals(RS)).findFirst().orElseThrow();
        assertThat(rs.getSubject()).matches("【七优享】(已收到|数据核实)：人社局2026年第三季度指标报表_20240708.xlsx");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM reply_message WHERE NOT dry_run AND message_id LIKE '<%>'", Long.class))
                .isEqualTo(2);

        run(replyJob);
        assertThat(repliesTo(WJ, RS, "someone@elsewhere.example")).as("nothing is sent twice").hasSize(2);

        // a dry run writes the same replies as .eml files for the clerk to look at, sending nothing
        Path outbox = feedback.getParent().resolve("mail-dry-run");
        ReplyProperties dry = new ReplyProperties(true, true, null, null, null, null, null, "qyx@example.gov.cn", null,
                replyProperties.addressBook(), outbox, null, null, null);
        MailReply.Outcome o = new MailReply(dry, warehouse, TrustStores.sslContext(null), feedback, evaluation.submissionDeadlineDays())
                .replyAll(LocalDate.of(2024, 7, 20), 99L);
        assertThat(o.sent()).isEqualTo(2);
        try (Stream<Path> eml = Files.walk(outbox)) {
            assertThat(eml.filter(p -> p.toString().endsWith(".eml")).count()).isEqualTo(2);
        }
        assertThat(repliesTo(WJ, RS, "someone@elsewhere.example")).hasSize(2);
    }

    /** Runs a job to completion; its steps (not the JobExecution: spring-batch-test would take such a method for a factory). */
    java.util.Collection<org.springframework.batch.core.step.StepExecution> run(Job job) throws Exception {
        jobs.setJob(job);
        org.springframework.batch.core.job.JobExecution e = jobs.startJob(new JobParametersBuilder()
                .addLong("run", System.nanoTime()).toJobParameters());
        assertThat(e.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        return e.getStepExecutions();
    }

    static List<MimeMessage> repliesTo(String... addresses) throws Exception {
        List<String> wanted = Arrays.asList(addresses);
        return Arrays.stream(server.greenMail.getReceivedMessages())
                .filter(m -> wanted.contains(to(m)) && from(m).equals(TestMailServer.MAILBOX)).toList();
    }

    static String to(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String from(MimeMessage m) {
        try {
            return ((jakarta.mail.internet.InternetAddress) m.getFrom()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(MimeMessage m) throws Exception {
        return (String) ((Multipart) m.getContent()).getBodyPart(0).getContent();
    }

    static List<String> attachments(MimeMessage m) throws Exception {
        Multipart multi = (Multipart) m.getContent();
        List<String> names = new java.util.ArrayList<>();
        for (int i = 0; i < multi.getCount(); i++) {
            Part p = multi.getBodyPart(i);
            if (p.getFileName() != null) {
                names.add(MimeUtility.decodeText(p.getFileName()));
            }
        }
        return names;
    }
}
