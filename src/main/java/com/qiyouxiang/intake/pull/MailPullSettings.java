package com.qiyouxiang.intake.pull;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * The bureaus' mailbox (qyx.pull.mail.*), read over IMAPS (TLS from the first byte, the server's certificate and
 * name verified against qyx.tls.*).
 *
 * @param enabled           whether the nightly run takes the mailbox (mailPull), after platformPull
 * @param host              the IMAP server, e.g. imap.example.gov.cn
 * @param port              its IMAPS port (993)
 * @param username          the mailbox's login (QYX_PULL_MAIL_USERNAME)
 * @param password          its password (QYX_PULL_MAIL_PASSWORD): from the environment only
 * @param passwordFile      or a file holding it, readable by the service account alone (mode 600)
 * @param folder            the folder the bureaus' messages arrive in
 * @param processedFolder   where a message goes once its attachments are in the inbox (created when missing)
 * @param quarantineFolder  where a message from an unknown sender, or without a usable attachment, goes (never loaded)
 * @param addressBook       the address book: bureau_code,address (several lines per bureau), beside the reference data
 * @param inboxDir          where the attachments land (the spreadsheet ingest's inbox)
 * @param maxMessageSize    a larger message is quarantined unread
 * @param maxAttachments    a message with more usable attachments (zip entries included) is quarantined
 * @param maxAttachmentSize the largest one attachment or zip entry may be, unpacked
 * @param maxZipEntries     a zip with more entries is quarantined (before anything is unpacked)
 * @param timeout           connect and read time limit of the IMAP connection
 */
public record MailPullSettings(boolean enabled, String host, Integer port, String username, String password, Path passwordFile,
                               String folder, String processedFolder, String quarantineFolder, Path addressBook,
                               Path inboxDir, DataSize maxMessageSize, Integer maxAttachments, DataSize maxAttachmentSize,
                               Integer maxZipEntries, Duration timeout) {

    public MailPullSettings {
        port = port == null ? 993 : port;
        folder = folder == null ? "INBOX" : folder;
        processedFolder = processedFolder == null ? "已处理" : processedFolder;
        quarantineFolder = quarantineFolder == null ? "隔离" : quarantineFolder;
        addressBook = addressBook == null ? Path.of("samples/reference/bureau_mailboxes.csv") : addressBook;
        inboxDir = inboxDir == null ? Path.of("samples/inbox") : inboxDir;
        maxMessageSize = maxMessageSize == null ? DataSize.ofMegabytes(50) : maxMessageSize;
        maxAttachments = maxAttachments == null ? 20 : maxAttachments;
        maxAttachmentSize = maxAttachmentSize == null ? DataSize.ofMegabytes(30) : maxAttachmentSize;
        maxZipEntries = maxZipEntries == null ? 50 : maxZipEntries;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    static final MailPullSettings OFF = new MailPullSettings(false, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);

    public String secret() {
        return Secrets.read("qyx.pull.mail.password", password, passwordFile);
    }
}
