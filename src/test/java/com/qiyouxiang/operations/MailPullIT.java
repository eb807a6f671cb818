package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.intake.pull.MailPullTest;
import com.qiyouxiang.intake.pull.TestCertificates;
import com.qiyouxiang.intake.pull.TestMailServer;

/**
 * The nightly run with mailPull and mailReply on, in child JVMs, against GreenMail's IMAPS and SMTPS on 127.0.0.1: two
 * bureaus mail committed sample workbooks; the run killed while landing one leaves no partial file, the relaunch
 * completes; the warehouse holds the same figures and rejects as a nightly on a folder inbox with the same files; the
 * bureau with rejected cells gets one 退回修改 reply with its feedback workbook; a further run sends nothing new.
 */
class MailPullIT {

    static final Path WJ_FILE = Path.of("samples/inbox/市卫健局2024年1-6月分镇街托育数据.xlsx");
    static final Path RS_FILE = Path.of("samples/inbox/人社局2026年第三季度指标报表.xlsx");
    static final String WJ = "wjj-fuyou@example.gov.cn";
    static final String RS = "rsj-tongji@example.gov.cn";

    @TempDir
    Path work;

    @Test
    void mailedWorkbooksGiveTheFolderInboxWarehouseAndOneReplyEach() throws Exception {
        try (TestMailServer server = new TestMailServer(work)) {
            TestCertificates certs = TestMailServer.certificates(work);
            Instant sent = Instant.parse("2024-07-08T02:00:00Z");
            server.deliver(MailPullTest.message("<wj-it@example.gov.cn>", WJ, sent,
                    MailPullTest.part(WJ_FILE.getFileName().toString(), Files.readAllBytes(WJ_FILE))));
            server.deliver(MailPullTest.message("<rs-it@example.gov.cn>", RS, sent,
                    MailPullTest.part(RS_FILE.getFileName().toString(), Files.readAllBytes(RS_FILE))));
            Path mailed = Files.createDirectories(work.resolve("mailed/inbox"));
            List<String> args = new ArrayList<>(PlatformPullIT.args(work.resolve("mailed")));
            args.addAll(List.of("--qyx.pull.mail.enabled=true", "--qyx.pull.mail.host=127.0.0.1",
                    "--qyx.pull.mail.port=" + server.imapsPort(), "--qyx.tls.trust-store=" + certs.trustStore(),
                    "--qyx.reply.enabled=true", "--qyx.reply.dry-run=false", "--qyx.reply.host=127.0.0.1",
                    "--qyx.reply.port=" + server.smtpsPort(), "--qyx.reply.from=" + TestMailServer.MAILBOX));
            Map<String, String> env = Map.of("QYX_PULL_MAIL_USERNAME", TestMailServer.MAILBOX,
                    "QYX_PULL_MAIL_PASSWORD", TestMailServer.PASSWORD, "QYX_TLS_TRUSTSTOREPASSWORD", certs.password(),
                    "QYX_REPLY_USERNAME", TestMailServer.MAILBOX, "QYX_REPLY_PASSWORD", TestMailServer.PASSWORD);

            String landing = "land:市卫健局2024年1-6月分镇街托育数据_20240708.xlsx";
            Launches.Result killed = Launches.application(env, args, landing);
            assertThat(killed.output()).contains("QYX-FAULT-HOLD " + landing);
            assertThat(PlatformPullIT.visible(mailed)).as("nothing an ingest would read").doesNotContain(
                    "市卫健局2024年1-6月分镇街托育数据_20240708.xlsx");

            Launches.Result resumed = Launches.application(env, args);
            assertThat(resumed.exitCode()).as(resumed.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
            assertThat(PlatformPullIT.all(mailed)).containsExactly("人社局2026年第三季度指标报表_20240708.xlsx",
                    "市卫健局2024年1-6月分镇街托育数据_20240708.xlsx");
            List<MimeMessage> replies = replies(server);
            assertThat(replies).extracting(MailPullIT::to).containsExactlyInAnyOrder(WJ, RS);
            assertThat(replies.stream().filter(m -> to(m).equals(WJ)).findFirst().orElseThrow().getSubject())
                    .startsWith("【七优享】退回修改");

            Launches.Result again = Launches.application(env, args);
            assertThat(again.exitCode()).as(again.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
            assertThat(replies(server)).as("a second run sends nothing new").hasSize(2);

            Path folder = Files.createDirectories(work.resolve("folder/inbox"));
            Files.copy(WJ_FILE, folder.resolve(WJ_FILE.getFileName()));
            Files.copy(RS_FILE, folder.resolve(RS_FILE.getFileName()));
            Launches.Result plain = Launches.application(Map.of(), PlatformPullIT.args(work.resolve("folder")));
            assertThat(plain.exitCode()).as(plain.output()).isIn(ExitCodes.SUCCESS, ExitCodes.SUCCESS_WITH_WARNINGS);
            String facts = "SELECT indicator_code || ' ' || town_code || ' ' || period_code || ' ' || value || ' ' || source_kind "
                    + "|| ' ' || coalesce(bureau_code, '') || ' ' || revision FROM fct_indicator_value ORDER BY 1";
            String rejects = "SELECT coalesce(sheet_name, '') || ' ' || coalesce(cell_ref, '') || ' ' || reason_code "
                    + "|| ' ' || coalesce(raw_value, '') FROM etl_reject ORDER BY 1";
            Path a = work.resolve("mailed/w.duckdb");
            Path b = work.resolve("folder/w.duckdb");
            assertThat(PlatformPullIT.rows(a, facts)).isNotEmpty().isEqualTo(PlatformPullIT.rows(b, facts));
            assertThat(PlatformPullIT.rows(a, rejects)).isNotEmpty().isEqualTo(PlatformPullIT.rows(b, rejects));
            assertThat(PlatformPullIT.rows(a, "SELECT DISTINCT CAST(received_at AS VARCHAR) FROM etl_file WHERE source_kind = 'spreadsheet'"))
                    .as("the message date, not the night").hasSize(1).first().asString().startsWith("2024-07-08");
        }
    }

    static List<MimeMessage> replies(TestMailServer server) {
        return Arrays.stream(server.greenMail.getReceivedMessages()).filter(m -> List.of(WJ, RS).contains(to(m))
                && from(m).equals(TestMailServer.MAILBOX)).toList();
    }

    static String to(MimeMessage m) {
        try {
            return ((InternetAddress) m.getRecipients(Message.RecipientType.TO)[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String from(MimeMessage m) {
        try {
            return ((InternetAddress) m.getFrom()[0]).getAddress();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
