package com.qiyouxiang.intake.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * mailPull against GreenMail's IMAPS on 127.0.0.1 with a certificate only the configured trust store vouches for: a
 * known bureau's workbook (and the ones in its zip) land under their names plus the message's date, with the message
 * date as received time; an unknown sender, a message without a usable attachment, a zip that climbs out of itself or
 * breaks a limit are quarantined and land nothing; a message is never taken twice; the JVM's own trust refuses the server.
 */
public class MailPullTest {

    static final Path WORKBOOK = Path.of("samples/inbox/人社局2026年第三季度指标报表.xlsx");
    static final String RS = "rsj-tongji@example.gov.cn";
    static final Instant SENT = Instant.parse("2026-10-09T01:30:00Z");

    @TempDir
    Path work;

    TestMailServer server;
    Warehouse warehouse;
    Path inbox;

    @BeforeEach
    void start() throws Exception {
        server = new TestMailServer(work);
        warehouse = new Warehouse(work.resolve("w.duckdb"));
        inbox = work.resolve("inbox");
    }

    @AfterEach
    void stop() {
        server.close();
        warehouse.close();
    }

    MailPullSettings settings(int maxZipEntries) {
        return new MailPullSettings(true, "127.0.0.1", server.imapsPort(), TestMailServer.MAILBOX, TestMailServer.PASSWORD, null,
                null, null, null, Path.of("samples/reference/bureau_mailboxes.csv"), inbox, DataSize.ofMegabytes(5), 5,
                DataSize.ofMegabytes(1), maxZipEntries, Duration.ofSeconds(10));
    }

    MailPull.Outcome pull() throws Exception {
        return new MailPull(settings(10), warehouse, TrustStores.sslContext(TestMailServer.certificates(work).tls())).pullAll(7L);
    }

    @Test
    void aBureausWorkbookAndItsZipLandWithTheMessageDate() throws Exception {
        byte[] zip = zip(Map.of("附件/市卫健局2024年三季度分镇街托育数据.xlsx", Files.readAllBytes(
                Path.of("samples/inbox/市卫健局2024年三季度分镇街托育数据.xlsx")), "说明.pdf", new byte[] {1, 2}));
        server.deliver(message("<m1@example.gov.cn>", "WJJ-Fuyou@example.gov.cn", SENT,
                part("报表.zip", zip), part(WORKBOOK.getFileName().toString(), Files.readAllBytes(WORKBOOK))));
        MailPull.Outcome o = pull();
        assertThat(o.messagesTaken()).isEqualTo(1);
        assertThat(o.files()).isEqualTo(2);
        assertThat(visible()).containsExactlyInAnyOrder("人社局2026年第三季度指标报表_20261009.xlsx", "市卫健局2024年三季度分镇街托育数据_20261009.xlsx");
        assertThat(FileRegistry.sha256(inbox.resolve("人社局2026年第三季度指标报表_20261009.xlsx"))).isEqualTo(FileRegistry.sha256(WORKBOOK));
        assertThat(warehouse.jdbc().queryForList("SELECT DISTINCT bureau_code FROM pull_file", String.class)).containsExactly("WJ");
        assertThat(warehouse.jdbc().queryForObject("SELECT min(received_at) FROM pull_file", Timestamp.class).toInstant()).isEqualTo(SENT);
        assertThat(server.count("INBOX")).isZero();
        assertThat(server.count("已处理")).isEqualTo(1);

        // the same message again (a bureau's client that sends twice, or a copy put back): not taken twice
        server.deliver(message("<m1@example.gov.cn>", "wjj-fuyou@example.gov.cn", SENT, part("x.xlsx", new byte[] {1})));
        assertThat(pull().messagesTaken()).isZero();
        assertThat(visible()).hasSize(2);
        assertThat(warehouse.jdbc().queryForObject("SELECT count(*) FROM pull_message", Long.class)).isEqualTo(1);
    }

    @Test
    void unknownSendersAndUnusableMessagesAreQuarantinedAndLandNothing() throws Exception {
        byte[] workbook = Files.readAllBytes(WORKBOOK);
        server.deliver(message("<u1@x>", "someone@elsewhere.example", SENT, part("报表.xlsx", workbook)));
        server.deliver(message("<u2@x>", RS, SENT, part("说明.pdf", new byte[] {1, 2, 3})));
        server.deliver(message("<u3@x>", RS, SENT, part("a.zip", zip(Map.of("../../etc/报表.xlsx", workbook)))));
        server.deliver(message("<u4@x>", RS, SENT, part("b.zip", zip(Map.of("1.xlsx", workbook, "2.xlsx", workbook,
                "3.xlsx", workbook, "4.xlsx", workbook, "5.xlsx", workbook, "6.xlsx", workbook)))));
        server.deliver(message("<u5@x>", RS, SENT, part("big.xlsx", new byte[3 << 19])));
        MailPull.Outcome o = pull();
        assertThat(o.quarantined()).isEqualTo(5);
        assertThat(o.messagesTaken()).isZero();
        assertThat(inbox).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(visible()).isEmpty());
        assertThat(server.count("隔离")).isEqualTo(5);
        assertThat(warehouse.jdbc().queryForList("SELECT reason FROM pull_message ORDER BY message_id", String.class))
                .satisfiesExactly(
                        r -> assertThat(r).isEqualTo("发件人 someone@elsewhere.example 不在通讯录中"),
                        r -> assertThat(r).startsWith("没有可用的附件").contains("说明.pdf"),
                        r -> assertThat(r).contains("指向压缩包以外的位置"),
                        r -> assertThat(r).isEqualTo("附件超过 5 个"),
                        r -> assertThat(r).startsWith("附件“big.xlsx”超过大小上限 1 MB"));
        assertThat(warehouse.jdbc().queryForObject("SELECT count(*) FROM pull_file", Long.class)).isZero();
    }

    @Test
    void theJvmsOwnTrustRefusesAServerOnlyTheTrustStoreVouchesFor() throws Exception {
        server.deliver(message("<t1@x>", RS, SENT, part("报表.xlsx", Files.readAllBytes(WORKBOOK))));
        assertThatThrownBy(() -> new MailPull(settings(10), warehouse, TrustStores.sslContext(new TlsProperties(null, null, null)))
                .pullAll(1L)).isInstanceOf(PullRefusedException.class).hasMessageContaining("邮箱服务器（127.0.0.1:")
                .hasMessageContaining("的服务器证书未通过校验").hasMessageContaining("qyx.tls.trust-store")
                .hasStackTraceContaining("PKIX path building failed");
        assertThat(server.count("INBOX")).isEqualTo(1);
    }

    @Test
    void theDoctorsProbeLogsInAndCountsTheMessagesWithoutMovingAny() throws Exception {
        server.deliver(message("<p1@x>", RS, SENT, part("报表.xlsx", Files.readAllBytes(WORKBOOK))));
        assertThat(MailPull.probe(settings(10), TrustStores.sslContext(TestMailServer.certificates(work).tls())))
                .isEqualTo("邮箱 " + TestMailServer.MAILBOX + "@127.0.0.1:" + server.imapsPort() + " 登录正常，INBOX 中有 1 封邮件");
        assertThat(server.count("INBOX")).isEqualTo(1);
        assertThatThrownBy(() -> MailPull.probe(settings(10), TrustStores.sslContext(new TlsProperties(null, null, null))))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("的服务器证书未通过校验");
    }

    @Test
    void aWrongPasswordIsRefusedInChinese() {
        MailPullSettings s = settings(10);
        MailPullSettings wrong = new MailPullSettings(true, s.host(), s.port(), s.username(), "wrong", null, null, null, null,
                s.addressBook(), inbox, s.maxMessageSize(), s.maxAttachments(), s.maxAttachmentSize(), s.maxZipEntries(), s.timeout());
        assertThatThrownBy(() -> new MailPull(wrong, warehouse, TrustStores.sslContext(TestMailServer.certificates(work).tls())).pullAll(1L))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("邮箱拒绝登录").hasMessageNotContaining("wrong");
    }

    public static MimeMessage message(String id, String from, Instant sent, MimeBodyPart... parts) throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new java.util.Properties())) {
            @Override
            protected void updateMessageID() throws jakarta.mail.MessagingException {
                setHeader("Message-ID", id);
            }
        };
        m.setFrom(new InternetAddress(from));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(TestMailServer.MAILBOX));
        m.setSubject("七优享报表", "UTF-8");
        m.setSentDate(Date.from(sent));
        MimeMultipart multi = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText("请查收。", "UTF-8");
        multi.addBodyPart(text);
        for (MimeBodyPart p : parts) {
            multi.addBodyPart(p);
        }
        m.setContent(multi);
        m.saveChanges();
        return m;
    }

    public static MimeBodyPart part(String name, byte[] bytes) throws Exception {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(bytes, "application/octet-stream")));
        p.setFileName(jakarta.mail.internet.MimeUtility.encodeText(name, "UTF-8", "B"));
        return p;
    }

    static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : new java.util.TreeMap<>(entries).entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    List<String> visible() throws Exception {
        try (Stream<Path> s = Files.list(inbox)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
        }
    }
}
