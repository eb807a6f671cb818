package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import javax.net.ssl.SSLContext;

import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * mailPull: the bureaus' messages from the mailbox over IMAPS. For each message not handled before (its Message-ID is
 * not in pull_message): the sender must be in the address book, and the message must carry at least one usable
 * attachment within the limits ({@link MailAttachments}); then every attachment lands in the inbox under its own name
 * plus the message's date ({@code 人社局2026年第三季度指标报表_20261009.xlsx}), is recorded in pull_file with the bureau, the
 * sender and the message's date as its received time (the on-time count uses it), and the message moves to the
 * processed folder. Otherwise the message moves to the quarantine folder with its reason recorded, and nothing of it
 * reaches the inbox. The records of one message commit together, after its files landed: a run killed in between
 * takes the message again next time, and its files, the same bytes, are found already there.
 */
public class MailPull {

    private static final Logger log = LoggerFactory.getLogger(MailPull.class);
    static final String SOURCE = "mail";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    /** What a run of the mailbox did. */
    public record Outcome(List<String> lines, int messagesTaken, int quarantined, int files) {
    }

    private final MailPullSettings settings;
    private final Warehouse warehouse;
    private final SSLContext ssl;
    private final AddressBook book;

    public MailPull(MailPullSettings settings, Warehouse warehouse, SSLContext ssl) {
        this.settings = settings;
        this.warehouse = warehouse;
        this.ssl = ssl;
        this.book = AddressBook.load(settings.addressBook());
    }

    /** The IMAPS or SMTPS session properties: TLS from the first byte, the server's certificate and name verified. */
    public static Properties tlsSession(String protocol, String host, int port, SSLContext ssl, long timeoutMillis) {
        Properties p = new Properties();
        String prefix = "mail." + protocol + ".";
        p.put(prefix + "host", host);
        p.put(prefix + "port", String.valueOf(port));
        p.put(prefix + "ssl.enable", "true");
        p.put(prefix + "ssl.socketFactory", ssl.getSocketFactory());
        p.put(prefix + "ssl.checkserveridentity", "true");
        p.put(prefix + "connectiontimeout", String.valueOf(timeoutMillis));
        p.put(prefix + "timeout", String.valueOf(timeoutMillis));
        p.put(prefix + "writetimeout", String.valueOf(timeoutMillis));
        // IMAP: fetch attachments in 1 MB pieces, not the default 16 KB (a 3 MB workbook took 13 s from GreenMail)
        p.put(prefix + "fetchsize", String.valueOf(1 << 20));
        return p;
    }

    /** The mailbox, logged in (the settings checked, the certificate and the password refused in Chinese). */
    private static Store connect(MailPullSettings settings, SSLContext ssl) throws MessagingException {
        String password = settings.secret();
        if (settings.host() == null || settings.host().isBlank() || settings.username() == null || password == null) {
            throw new IllegalStateException("The mail pull needs qyx.pull.mail.host, QYX_PULL_MAIL_USERNAME and "
                    + "QYX_PULL_MAIL_PASSWORD (or qyx.pull.mail.password-file, mode 600)");
        }
        Session session = Session.getInstance(tlsSession("imaps", settings.host(), settings.port(), ssl,
                settings.timeout().toMillis()));
        Store store = session.getStore("imaps");
        try {
            store.connect(settings.host(), settings.port(), settings.username(), password);
        } catch (jakarta.mail.AuthenticationFailedException e) {
            throw new PullRefusedException("邮箱拒绝登录（" + settings.username() + "@" + settings.host()
                    + "）：请核对 QYX_PULL_MAIL_USERNAME 和 QYX_PULL_MAIL_PASSWORD", e);
        } catch (MessagingException e) {
            PullRefusedException untrusted = TrustStores.untrusted(e, "邮箱服务器（" + settings.host() + ":" + settings.port() + "）");
            if (untrusted != null) {
                throw untrusted;
            }
            throw e;
        }
        return store;
    }

    /** jobs/run doctor: logs in and counts the folder's messages, read-only (nothing moved, nothing recorded). */
    public static String probe(MailPullSettings settings, SSLContext ssl) throws MessagingException {
        Store store = connect(settings, ssl);
        try {
            Folder inbox = store.getFolder(settings.folder());
            inbox.open(Folder.READ_ONLY);
            try {
                return "邮箱 " + settings.username() + "@" + settings.host() + ":" + settings.port() + " 登录正常，" + settings.folder()
                        + " 中有 " + inbox.getMessageCount() + " 封邮件";
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    public Outcome pullAll(Long jobExecutionId) throws MessagingException, IOException, SQLException {
        List<String> lines = new ArrayList<>();
        InboxLanding.deleteLeftovers(settings.inboxDir(), lines);
        int taken = 0;
        int quarantined = 0;
        int files = 0;
        Store store = connect(settings, ssl);
        try {
            Folder inbox = store.getFolder(settings.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = folder(store, settings.processedFolder());
            Folder quarantine = folder(store, settings.quarantineFolder());
            try {
                for (Message m : inbox.getMessages()) {
                    if (m.isSet(Flags.Flag.DELETED)) {
                        continue;
                    }
                    Handled h = handle((MimeMessage) m, jobExecutionId);
                    move(inbox, m, h.quarantined ? quarantine : processed);
                    if (h.line != null) {
                        lines.add(h.line);
                        taken += h.quarantined ? 0 : 1;
                        quarantined += h.quarantined ? 1 : 0;
                        files += h.files;
                    }
                }
            } finally {
                inbox.close(true); // expunges what moved
            }
        } finally {
            store.close();
        }
        lines.add(String.format("mailbox %s@%s: %d message(s) taken, %d file(s) into the inbox, %d quarantined; password %s",
                settings.username(), settings.host(), taken, files, quarantined, Secrets.fingerprint(settings.secret())));
        return new Outcome(lines, taken, quarantined, files);
    }

    private record Handled(String line, boolean quarantined, int files) {
    }

    private Handled handle(MimeMessage m, Long jobExecutionId) throws MessagingException, IOException, SQLException {
        String id = messageId(m);
        if (seen(id)) {
            return new Handled(null, false, 0); // taken before (a run killed before the move): only moved now
        }
        String sender = sender(m);
        Instant date = date(m);
        String subject = Optional.ofNullable(m.getSubject()).orElse("");
        Optional<String> bureau = book.bureauOf(sender);
        String reason = null;
        MailAttachments attachments = new MailAttachments(settings);
        if (bureau.isEmpty()) {
            reason = "发件人 " + sender + " 不在通讯录中";
        } else if (m.getSize() > settings.maxMessageSize().toBytes()) {
            reason = "邮件超过大小上限 " + settings.maxMessageSize().toMegabytes() + " MB";
        } else {
            try {
                attachments.collect(m);
                if (attachments.usable.isEmpty()) {
                    reason = "没有可用的附件（xlsx、xls、csv，或装有它们的 zip）"
                            + (attachments.ignored.isEmpty() ? "" : "：" + String.join("、", attachments.ignored));
                }
            } catch (MailAttachments.Refused r) {
                reason = r.getMessage();
            }
        }
        if (reason != null) {
            record(id, sender, subject, null, date, "quarantined", reason, List.of(), jobExecutionId, bureau.orElse(null));
            log.warn("Mail {} from {} quarantined: {}", id, sender, reason);
            return new Handled("quarantined " + id + " from " + sender + ": " + reason, true, 0);
        }
        String day = DAY.format(date.atZone(ZoneId.systemDefault()));
        List<InboxLanding.Landed> landed = new ArrayList<>();
        for (MailAttachments.Attachment a : attachments.usable) {
            byte[] bytes = a.bytes();
            landed.add(InboxLanding.land(settings.inboxDir(), dated(a.name(), day), false, settings.maxAttachmentSize().toBytes(),
                    out -> out.write(bytes)));
        }
        record(id, sender, subject, bureau.get(), date, "taken", null, landed, jobExecutionId, bureau.get());
        List<String> names = landed.stream().map(l -> l.path().getFileName().toString()).toList();
        log.info("Mail {} from {} ({}): {}", id, sender, bureau.get(), names);
        return new Handled("took " + id + " from " + sender + " (" + bureau.get() + "): " + String.join(", ", names), false,
                landed.size());
    }

    /** The attachment's name plus the message's day, before the extension. */
    static String dated(String name, String day) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) + "_" + day + name.substring(dot) : name + "_" + day;
    }

    private void record(String id, String sender, String subject, String bureauCode, Instant date, String status, String reason,
                        List<InboxLanding.Landed> landed, Long jobExecutionId, String fileBureau) throws SQLException {
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/pull/insert_pull_message.sql"))) {
                p.setString(1, id);
                p.setString(2, sender);
                p.setString(3, subject.length() > 500 ? subject.substring(0, 500) : subject);
                p.setString(4, bureauCode);
                p.setTimestamp(5, Timestamp.from(date));
                p.setString(6, status);
                p.setString(7, reason);
                p.setInt(8, landed.size());
                if (jobExecutionId == null) {
                    p.setNull(9, Types.BIGINT);
                } else {
                    p.setLong(9, jobExecutionId);
                }
                p.executeUpdate();
                for (InboxLanding.Landed l : landed) {
                    PulledFiles.record(c, new PulledFiles.Pulled(SOURCE, id, null, l, null, fileBureau, sender, date), jobExecutionId);
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private boolean seen(String id) throws SQLException {
        try (Connection c = warehouse.connect(); PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/pull/message_seen.sql"))) {
            p.setString(1, id);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /** The Message-ID, or for a message without one a digest of its sender, date and subject. */
    static String messageId(MimeMessage m) throws MessagingException {
        String id = m.getMessageID();
        if (id != null && !id.isBlank()) {
            return id.trim();
        }
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((sender(m) + "|" + m.getSentDate() + "|" + m.getSubject()).getBytes(StandardCharsets.UTF_8));
            return "<no-id-" + HexFormat.of().formatHex(d.digest(), 0, 12) + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sender(Message m) throws MessagingException {
        Address[] from = m.getFrom();
        if (from == null || from.length == 0) {
            return "";
        }
        return from[0] instanceof InternetAddress a ? AddressBook.normalise(a.getAddress()) : from[0].toString();
    }

    private static Instant date(Message m) throws MessagingException {
        Date d = m.getSentDate() != null ? m.getSentDate() : m.getReceivedDate();
        return d == null ? Instant.now() : d.toInstant();
    }

    private static Folder folder(Store store, String name) throws MessagingException {
        Folder f = store.getFolder(name);
        if (!f.exists()) {
            f.create(Folder.HOLDS_MESSAGES);
        }
        return f;
    }

    /** Copy, then mark deleted (expunged when the folder closes): works on every IMAP server, MOVE or not. */
    private static void move(Folder from, Message m, Folder to) throws MessagingException {
        from.copyMessages(new Message[] {m}, to);
        m.setFlag(Flags.Flag.DELETED, true);
    }
}
