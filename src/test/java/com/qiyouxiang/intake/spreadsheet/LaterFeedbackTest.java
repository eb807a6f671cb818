package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.evaluation.EvaluationProperties;
import com.qiyouxiang.intake.pull.TrustStores;
import com.qiyouxiang.operations.JobLaunchRunner;
import com.qiyouxiang.reply.MailReply;
import com.qiyouxiang.reply.ReplyProperties;
import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Issue 17 item 6: a finding made after a file loaded reaches the bureau. Archive mode move (the files leave the inbox
 * when they load): night 1 loads 民政局's 2024Q3 护理员 file clean (no workbook) and 市卫健局's 2025Q2 托育 file with a
 * rejected cell (its 退回修改 workbook); then platformJob loads the platform's lists, and its cross-source pass flags a
 * figure of each file. Night 2 writes each file a supplementary workbook (补充反馈表) in today's folder, the new finding
 * marked 新增 (民政局's from its archived copy, 市卫健局's without the sheet copies: its archived copy was deleted), and
 * its summary names them; a fault between the write and the record fails it, and the restart writes it once; a full
 * disk is a warning, and the next run writes that one. Night 3 writes nothing. A mailed file's supplementary workbook goes to the address it came from, once.
 */
class LaterFeedbackTest extends WarehouseJobTest {

    static final String MZ = "民政局2024年三季度养老护理员分镇街.xlsx";
    static final String WJ = "市卫健局2025年二季度分镇街托育数据.xlsx";
    static final String MZ_LATER = "民政局2024年三季度养老护理员分镇街_数据核实（补充）.xlsx";
    static final String WJ_LATER = "市卫健局2025年二季度分镇街托育数据_退回修改（补充）.xlsx";

    static Path inbox;

    @DynamicPropertySource
    static void inbox(DynamicPropertyRegistry registry) throws Exception {
        inbox = Files.createTempDirectory("qyx-later-feedback-");
        for (String f : List.of(MZ, "统计局2023年末分镇街人口.xlsx", "统计局2024年末分镇街人口.xlsx")) {
            Files.copy(Path.of("samples/inbox", f), inbox.resolve(f));
        }
        // 市卫健局's file with one cell a bureau might write (约95 where a count belongs): rejected at load
        try (InputStream in = Files.newInputStream(Path.of("samples/inbox", WJ)); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            wb.getSheet("分镇街").getRow(4).getCell(4).setCellValue("约95");
            try (OutputStream out = Files.newOutputStream(inbox.resolve(WJ))) {
                wb.write(out);
            }
        }
        registry.add("qyx.inbox-dir", inbox::toString);
        registry.add("qyx.ingest.archive-mode", () -> "move");
    }

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
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
    Warehouse warehouse;
    @Autowired
    ReplyProperties replyProperties;
    @Autowired
    EvaluationProperties evaluation;
    @Value("${qyx.log-dir}")
    Path logDir;

    /** Launches ingestJob as jobs/run does (a failed run with the same parameters is restarted). */
    IngestRuns.Launcher runner() {
        return IngestRuns.asJobsRunDoes(new JobLaunchRunner(jobOperator, jobRepository, List.of(ingestJob), null, null), ingestJob);
    }

    static JobParameters night(String n) {
        return new JobParametersBuilder().addString("night", n).toJobParameters();
    }

    Path today() {
        return feedbackDir.resolve(LocalDate.now().toString());
    }

    @Test
    void aFindingMadeAfterTheFileLoadedGoesIntoASupplementaryWorkbookOnceAndTheSummaryNamesIt() throws Exception {
        JdbcTemplate jdbc = warehouse.jdbc();
        IngestRuns.reference(jobs, referenceJob);
        JobExecution first = IngestRuns.launch(runner(), night("1"), BatchStatus.COMPLETED);
        assertThat(inbox.resolve(MZ)).as("archive mode move").doesNotExist();
        assertThat(workbooks()).as("民政局's file loaded clean").containsExactly("市卫健局2025年二季度分镇街托育数据_退回修改.xlsx");
        assertThat(summary(first)).doesNotContain("新增数据核实");

        Files.copy(Path.of("samples/inbox/平台_养老护理员持证名单_2023Q1-2026Q3.csv"), inbox.resolve("平台_养老护理员持证名单_2023Q1-2026Q3.csv"));
        Files.copy(Path.of("samples/inbox/平台_托育机构名录_2023Q1-2026Q3.csv"), inbox.resolve("平台_托育机构名录_2023Q1-2026Q3.csv"));
        jobs.setJob(platformJob);
        assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        List<Map<String, Object>> later = jdbc.queryForList("""
                SELECT r.rule_result_id, f.file_name, r.town_code, r.message_zh FROM fct_rule_result r JOIN etl_file f USING (file_id)
                WHERE r.rule_kind = 'cross-source' AND r.review_state = '待核实' ORDER BY r.rule_result_id""");
        assertThat(later).extracting(r -> r.get("file_name")).contains(MZ, WJ);
        Files.delete(archiveDir.resolve(LocalDate.now().toString()).resolve(WJ)); // the clerk cleared it: no copy left

        // night 2, killed (a fault) after 民政局's supplementary workbook is written and before it is recorded
        JobParameters night2 = night("2");
        System.setProperty(FaultInjection.FAIL_PROPERTY, "later-feedback:" + MZ);
        try {
            IngestRuns.launch(runner(), night2, BatchStatus.FAILED);
        } finally {
            System.clearProperty(FaultInjection.FAIL_PROPERTY);
        }
        assertThat(today().resolve(MZ_LATER)).exists();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_feedback_finding WHERE kind = 'later'", Long.class)).isZero();
        // the restart redoes it; and the disk is full when 市卫健局's comes: a warning, nothing of it recorded
        System.setProperty(FaultInjection.IO_ERROR_PROPERTY, "later-feedback:" + WJ);
        JobExecution restarted;
        try {
            restarted = IngestRuns.launch(runner(), night2, BatchStatus.COMPLETED);
        } finally {
            System.clearProperty(FaultInjection.IO_ERROR_PROPERTY);
        }
        assertThat(restarted.getStepExecutions()).singleElement().satisfies(s -> {
            assertThat(s.getStepName()).isEqualTo("writeLaterFeedback");
            assertThat(s.getExitStatus().getExitCode()).isEqualTo(WarehouseTasklet.WARNINGS);
            assertThat(s.getExitStatus().getExitDescription()).contains("1 supplementary feedback workbook(s) not written", WJ,
                    "No space left on device");
        });
        assertThat(restarted.getExitStatus().getExitCode()).isEqualTo(WarehouseTasklet.WARNINGS);
        assertThat(today().resolve(WJ_LATER)).doesNotExist();
        assertThat(summary(restarted)).contains("其中新增数据核实 1 份", "\n  " + MZ_LATER + "（民政局，新发现 1 处）")
                .doesNotContain(WJ_LATER);
        // the next run writes it
        JobExecution retried = IngestRuns.launch(runner(), night("2b"), BatchStatus.COMPLETED);

        assertThat(workbooks()).containsExactlyInAnyOrder("市卫健局2025年二季度分镇街托育数据_退回修改.xlsx", MZ_LATER, WJ_LATER);
        // every cross-source finding told once, by its file's supplementary workbook
        for (Map<String, Object> f : later) {
            assertThat(jdbc.queryForObject("SELECT workbook_name FROM etl_feedback_finding WHERE rule_result_id = ?", String.class,
                    f.get("rule_result_id"))).isEqualTo(f.get("file_name").equals(MZ) ? MZ_LATER : WJ_LATER);
        }
        // named under today's feedback folder, where they are, with their bureau
        assertThat(summary(retried)).contains("反馈表（发给报送单位）：今日 3 份，在 " + today() + "；其中新增数据核实 1 份",
                "\n  " + WJ_LATER + "（卫生健康局，新发现 ", "补充反馈表（入库后新发现的问题）：完成，1 份补充反馈表").doesNotContain(MZ_LATER);

        String mzMessage = later.stream().filter(f -> f.get("file_name").equals(MZ)).map(f -> (String) f.get("message_zh"))
                .findFirst().orElseThrow();
        try (XSSFWorkbook wb = new XSSFWorkbook(today().resolve(MZ_LATER).toFile())) {
            Sheet notice = wb.getSheet(FeedbackWorkbookWriter.SUMMARY_SHEET);
            assertThat(text(notice.getRow(0).getCell(0))).isEqualTo("数据核实通知（补充）");
            Row finding = rowWith(notice, mzMessage);
            assertThat(text(finding.getCell(7))).as("marked new").isEqualTo("新增");
            assertThat(text(finding.getCell(5))).isEqualTo("待核实");
            assertThat(texts(notice)).anyMatch(t -> t.startsWith("本文件入库后，经与公共数据平台等核对，又发现"));
            // from the archived copy: the sheet with the flagged cell, commented
            assertThat(wb.getSheet("护理员")).isNotNull();
            assertThat(wb.getSheet("护理员").getCellComments().values()).anyMatch(c -> c.getString().getString().contains("本次新增"));
            // the new 待核实 finding has its row in the 情况说明 form, the section 四 of 反馈说明
            int form = FeedbackWorkbooks.sectionRow(notice, "四、情况说明（");
            assertThat(form).isPositive();
            assertThat(text(notice.getRow(form + 2).getCell(4))).startsWith("二、第 ");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(today().resolve(WJ_LATER).toFile())) {
            Sheet notice = wb.getSheet(FeedbackWorkbookWriter.SUMMARY_SHEET);
            assertThat(text(notice.getRow(0).getCell(0))).isEqualTo("退回修改通知（补充）");
            assertThat(texts(notice)).as("the rejected cell still listed").contains("约95");
            List<Row> added = new ArrayList<>();
            notice.forEach(r -> {
                if (r.getCell(7) != null && text(r.getCell(7)).equals("新增")) {
                    added.add(r);
                }
            });
            assertThat(added).hasSize((int) later.stream().filter(f -> f.get("file_name").equals(WJ)).count());
            // no copy of the file was left: the notice (with its form) alone
            List<String> sheets = new ArrayList<>();
            wb.forEach(s -> sheets.add(s.getSheetName()));
            // (its 70-odd figures' 数据清单 on a sheet of its own: with them 反馈说明 would not print on one page)
            assertThat(sheets).containsExactly(FeedbackWorkbookWriter.SUMMARY_SHEET, FeedbackNotice.FIGURES_SHEET);
        }

        // night 3: nothing new to tell
        long recorded = jdbc.queryForObject("SELECT count(*) FROM etl_feedback_finding", Long.class);
        JobExecution third = IngestRuns.launch(runner(), night("3"), BatchStatus.COMPLETED);
        assertThat(workbooks()).hasSize(3);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_feedback_finding", Long.class)).isEqualTo(recorded);
        assertThat(summary(third)).doesNotContain("新增数据核实").contains("补充反馈表（入库后新发现的问题）：完成，没有入库后新发现的问题");
        assertThat(third.getStepExecutions()).filteredOn(s -> s.getStepName().equals("writeLaterFeedback")).singleElement()
                .satisfies(s -> assertThat(s.getExecutionContext().getString(WarehouseTasklet.SUMMARY_KEY))
                        .startsWith("0 supplementary feedback workbook(s)"));

        mailedFileGetsItsSupplementaryWorkbookOnce(jdbc);
    }

    /** 民政局's file as if it had come by mail from its address: mailReply's dry run writes the 数据核实 reply once. */
    void mailedFileGetsItsSupplementaryWorkbookOnce(JdbcTemplate jdbc) throws Exception {
        String checksum = jdbc.queryForObject("SELECT checksum_sha256 FROM etl_file WHERE file_name = ?", String.class, MZ);
        jdbc.update("""
                INSERT INTO pull_message (message_id, sender, subject, bureau_code, sent_at, status)
                VALUES ('<mz-1@example.gov.cn>', 'mzj-tongji@example.gov.cn', '报表', 'MZ', TIMESTAMP '2024-10-10 09:00:00', 'taken')""");
        jdbc.update("""
                INSERT INTO pull_file (source, origin, file_name, path, checksum_sha256, bureau_code, sender, received_at)
                VALUES ('mail', '<mz-1@example.gov.cn>', ?, ?, ?, 'MZ', 'mzj-tongji@example.gov.cn', TIMESTAMP '2024-10-10 09:00:00')""",
                MZ, inbox.resolve(MZ).toString(), checksum);
        Path outbox = feedbackDir.getParent().resolve("mail-dry-run");
        ReplyProperties dry = new ReplyProperties(true, true, null, null, null, null, null, "qyx@example.gov.cn", null,
                replyProperties.addressBook(), outbox, null, null, null);
        MailReply reply = new MailReply(dry, warehouse, TrustStores.sslContext(null), feedbackDir, evaluation.submissionDeadlineDays());
        reply.replyAll(LocalDate.of(2025, 5, 20), 99L);
        List<MimeMessage> verify = new ArrayList<>();
        for (Path eml : emls(outbox)) {
            try (InputStream in = Files.newInputStream(eml)) {
                MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties()), in);
                if (m.getSubject().startsWith("【七优享】数据核实（补充）")) {
                    verify.add(m);
                }
            }
        }
        assertThat(verify).singleElement().satisfies(m -> {
            assertThat(m.getSubject()).isEqualTo("【七优享】数据核实（补充）：" + MZ);
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo("mzj-tongji@example.gov.cn");
            assertThat(attachments(m)).containsExactly(MZ_LATER);
        });
        int before = emls(outbox).size();
        reply.replyAll(LocalDate.of(2025, 5, 20), 100L);
        assertThat(emls(outbox)).as("sent once").hasSize(before);
    }

    List<String> workbooks() throws Exception {
        try (Stream<Path> all = Files.walk(feedbackDir)) {
            return all.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The run summary of an ingestJob launch (logs/runs/<time>-ingestJob-<id>.txt). */
    String summary(JobExecution e) throws Exception {
        try (Stream<Path> runs = Files.list(logDir.resolve("runs"))) {
            return Files.readString(runs.filter(p -> p.getFileName().toString().endsWith("-ingestJob-" + e.getId() + ".txt"))
                    .findFirst().orElseThrow());
        }
    }

    static List<Path> emls(Path outbox) throws Exception {
        if (!Files.isDirectory(outbox)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(outbox)) {
            return all.filter(p -> p.toString().endsWith(".eml")).toList();
        }
    }

    static List<String> attachments(MimeMessage m) throws Exception {
        List<String> names = new ArrayList<>();
        Multipart multi = (Multipart) m.getContent();
        for (int i = 0; i < multi.getCount(); i++) {
            Part p = multi.getBodyPart(i);
            if (p.getFileName() != null) {
                names.add(MimeUtility.decodeText(p.getFileName()));
            }
        }
        return names;
    }

    static Row rowWith(Sheet sheet, String text) {
        for (Row r : sheet) {
            for (Cell c : r) {
                if (text(c).equals(text)) {
                    return r;
                }
            }
        }
        throw new AssertionError("no row holds " + text);
    }

    static List<String> texts(Sheet sheet) {
        List<String> texts = new ArrayList<>();
        sheet.forEach(r -> r.forEach(c -> texts.add(text(c))));
        return texts;
    }

    static String text(Cell c) {
        return c == null ? "" : new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(c);
    }
}
