package com.qiyouxiang.reply;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import jakarta.activation.DataHandler;
import jakarta.activation.FileDataSource;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.evaluation.Quarter;
import com.qiyouxiang.intake.pull.AddressBook;
import com.qiyouxiang.intake.pull.MailPull;
import com.qiyouxiang.intake.pull.Secrets;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * mailReply: gathers what is due (receipts of loaded mailed submissions; the supplementary feedback workbook of a mailed
 * file, for findings made after it loaded; in the days before the last closed quarter's
 * submission deadline, the 催报 of each bureau owing figures; between the deadline and the 季度调度会, each bureau's red
 * and yellow indicators), then sends each message over SMTPS, or in a dry run writes it as an .eml file. Each message is
 * recorded in reply_message in the same transaction as it is sent (a failed send records nothing and is tried again
 * next night); a cause already recorded in the same mode is never sent again.
 */
public class MailReply {

    private static final Logger log = LoggerFactory.getLogger(MailReply.class);

    /** What a run sent (or wrote). */
    public record Outcome(List<String> lines, int sent) {
    }

    private final ReplyProperties settings;
    private final Warehouse warehouse;
    private final SSLContext ssl;
    private final Path feedbackDir;
    private final int deadlineDays;

    public MailReply(ReplyProperties settings, Warehouse warehouse, SSLContext ssl, Path feedbackDir, int deadlineDays) {
        this.settings = settings;
        this.warehouse = warehouse;
        this.ssl = ssl;
        this.feedbackDir = feedbackDir;
        this.deadlineDays = deadlineDays;
    }

    public Outcome replyAll(LocalDate today, Long jobExecutionId) throws Exception {
        List<Outgoing> due = due(today);
        List<String> lines = new ArrayList<>();
        if (due.isEmpty()) {
            lines.add("replies: nothing due");
            return new Outcome(lines, 0);
        }
        String password = settings.dryRun() ? null : Secrets.read("qyx.reply.password", settings.password(), settings.passwordFile());
        if (!settings.dryRun() && (settings.host() == null || settings.from() == null || settings.username() == null || password == null)) {
            throw new IllegalStateException("Sending replies needs qyx.reply.host, qyx.reply.from, QYX_REPLY_USERNAME and "
                    + "QYX_REPLY_PASSWORD (or qyx.reply.password-file, mode 600); or qyx.reply.dry-run=true");
        }
        Session session = Session.getInstance(session());
        Transport transport = null;
        try {
            if (!settings.dryRun()) {
                transport = session.getTransport("smtps");
                try {
                    transport.connect(settings.host(), settings.port(), settings.username(), password);
                } catch (jakarta.mail.MessagingException e) {
                    com.qiyouxiang.intake.pull.PullRefusedException untrusted = com.qiyouxiang.intake.pull.TrustStores.untrusted(e,
                            "发信服务器（" + settings.host() + ":" + settings.port() + "）");
                    if (untrusted != null) {
                        throw untrusted;
                    }
                    throw e;
                }
            }
            int n = 0;
            for (Outgoing o : due) {
                MimeMessage m = compose(session, o);
                send(o, m, transport, today, ++n, jobExecutionId);
                lines.add((settings.dryRun() ? "wrote " : "sent ") + o.kind() + " to " + o.to() + " (" + o.bureauCode() + "): "
                        + o.cause());
            }
        } finally {
            if (transport != null) {
                transport.close();
            }
        }
        lines.add(String.format("replies: %d message(s) %s%s", due.size(), settings.dryRun() ? "written as .eml under "
                + settings.outboxDir() + " (dry run)" : "sent through " + settings.host(),
                password == null ? "" : "; password " + Secrets.fingerprint(password)));
        return new Outcome(lines, due.size());
    }

    /** Everything due today that was not sent before for the same cause (in this mode). */
    List<Outgoing> due(LocalDate today) throws SQLException {
        List<Outgoing> due = new ArrayList<>();
        Map<String, Object> mode = Map.of("dry_run", String.valueOf(settings.dryRun()));
        Map<String, List<Map<String, Object>>> byMessage = new LinkedHashMap<>();
        for (Map<String, Object> row : warehouse.jdbc().queryForList(SqlFiles.read("statements/reply/receipts.sql", mode))) {
            byMessage.computeIfAbsent((String) row.get("message_id"), k -> new ArrayList<>()).add(row);
        }
        byMessage.values().forEach(files -> due.add(ReplyTexts.receipt(files, feedbackDir)));
        // a finding made after a mailed file loaded: its supplementary workbook (补充反馈表) to the address the file came from
        warehouse.jdbc().queryForList(SqlFiles.read("statements/reply/later_feedback.sql", mode))
                .forEach(row -> due.add(ReplyTexts.laterFeedback(row, feedbackDir)));

        Quarter quarter = Quarter.lastClosed(today);
        LocalDate end = LocalDate.of(quarter.year(), quarter.quarter() * 3, 1).plusMonths(1).minusDays(1);
        LocalDate deadline = end.plusDays(deadlineDays);
        boolean reminding = !today.isBefore(deadline.minusDays(settings.reminderDays())) && !today.isAfter(deadline);
        boolean reporting = today.isAfter(deadline) && today.isBefore(end.plusDays(settings.meetingDays()));
        if (reminding || reporting) {
            AddressBook book = AddressBook.load(settings.addressBook());
            Map<String, Object> params = Map.of("dry_run", String.valueOf(settings.dryRun()), "quarter", quarter.code());
            String sql = reminding ? "statements/reply/reminders.sql" : "statements/reply/report_lines.sql";
            Map<String, List<Map<String, Object>>> byBureau = new LinkedHashMap<>();
            for (Map<String, Object> row : warehouse.jdbc().queryForList(SqlFiles.read(sql, params))) {
                byBureau.computeIfAbsent((String) row.get("bureau_code"), k -> new ArrayList<>()).add(row);
            }
            byBureau.forEach((bureau, rows) -> {
                List<String> addresses = book.addressesOf(bureau);
                if (addresses.isEmpty()) {
                    log.warn("No address for bureau {} in {}: its {} is not sent", bureau, settings.addressBook(),
                            reminding ? "reminder" : "report lines");
                    return;
                }
                String name = (String) rows.get(0).get("bureau_name");
                String q = ReplyTexts.quarterText(quarter.code());
                due.add(reminding
                        ? new Outgoing("reminder:" + bureau + ":" + quarter.code(), "reminder", bureau, addresses.get(0),
                        "【七优享】催报：" + q + "尚有 " + rows.size() + " 项数据未报送",
                        ReplyTexts.reminder(name, quarter.code(), deadline.toString(), rows), List.of())
                        : new Outgoing("report:" + bureau + ":" + quarter.code(), "report", bureau, addresses.get(0),
                        "【七优享】" + q + "调度会前通报：" + rows.size() + " 项指标亮红灯或黄灯",
                        ReplyTexts.report(name, quarter.code(), rows), List.of()));
            });
        }
        return due;
    }

    private Properties session() {
        Properties p = settings.host() == null ? new Properties()
                : MailPull.tlsSession("smtps", settings.host(), settings.port(), ssl, settings.timeout().toMillis());
        p.put("mail.smtps.auth", "true");
        p.put("mail.mime.charset", "UTF-8");
        return p;
    }

    private MimeMessage compose(Session session, Outgoing o) throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(session);
        String from = settings.from() == null ? "qiyouxiang@localhost" : settings.from();
        m.setFrom(new InternetAddress(from, settings.fromName(), "UTF-8"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(o.to()));
        m.setSubject(o.subject(), "UTF-8");
        m.setSentDate(new java.util.Date());
        MimeMultipart multi = new MimeMultipart();
        MimeBodyPart text = new MimeBodyPart();
        text.setText(o.body(), "UTF-8");
        multi.addBodyPart(text);
        for (Path a : o.attachments()) {
            MimeBodyPart part = new MimeBodyPart();
            part.setDataHandler(new DataHandler(new FileDataSource(a.toFile())));
            part.setFileName(MimeUtility.encodeText(a.getFileName().toString(), "UTF-8", "B"));
            multi.addBodyPart(part);
        }
        m.setContent(multi);
        m.saveChanges();
        return m;
    }

    /** Records and sends in one transaction: a send that fails leaves no record, so the next run tries again. */
    private void send(Outgoing o, MimeMessage m, Transport transport, LocalDate today, int n, Long jobExecutionId)
            throws Exception {
        Path eml = null;
        if (settings.dryRun()) {
            Path dir = Files.createDirectories(settings.outboxDir().resolve(today.toString()));
            eml = dir.resolve(String.format("%03d-%s-%s.eml", n, o.kind(), o.bureauCode()));
        }
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/reply/insert_reply.sql"))) {
                p.setString(1, o.cause());
                p.setString(2, o.kind());
                p.setString(3, o.bureauCode());
                p.setString(4, o.to());
                p.setString(5, o.subject());
                p.setString(6, o.attachments().isEmpty() ? null
                        : String.join("; ", o.attachments().stream().map(a -> a.getFileName().toString()).toList()));
                p.setString(7, m.getMessageID());
                p.setBoolean(8, settings.dryRun());
                p.setString(9, eml == null ? null : eml.toString());
                if (jobExecutionId == null) {
                    p.setNull(10, Types.BIGINT);
                } else {
                    p.setLong(10, jobExecutionId);
                }
                p.executeUpdate();
                if (eml != null) {
                    try (OutputStream out = Files.newOutputStream(eml)) {
                        m.writeTo(out);
                    }
                } else {
                    transport.sendMessage(m, m.getAllRecipients());
                }
                c.commit();
                log.info("Reply {} {} to {}: {}", settings.dryRun() ? "written" : "sent", o.cause(), o.to(),
                        new String(o.subject().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }
}
