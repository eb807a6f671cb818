package com.qiyouxiang.reply;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The replies to the bureaus (qyx.reply.*), sent over SMTPS (TLS from the first byte, verified against qyx.tls.*).
 *
 * @param enabled          whether the nightly run ends with mailReply (off until configured)
 * @param dryRun           true: write each message as an .eml file under outbox-dir for the clerk to look at, send nothing
 * @param host             the SMTP server, e.g. smtp.example.gov.cn
 * @param port             its SMTPS port (465)
 * @param username         the sending account's login (QYX_REPLY_USERNAME)
 * @param password         its password (QYX_REPLY_PASSWORD): from the environment only
 * @param passwordFile     or a file holding it, readable by the service account alone (mode 600)
 * @param from             the sender address the bureaus see (and answer to)
 * @param fromName         the sender's name the bureaus see
 * @param addressBook      the address book (bureau_code,address): where 催报 and the report lines go (a bureau's first address)
 * @param outboxDir        where a dry run writes its .eml files, by date
 * @param reminderDays     the 催报 goes out this many days before a quarter's submission deadline (and up to it)
 * @param meetingDays      the 季度调度会 is this many days after the quarter ends; each bureau's lines go out after the
 *                         deadline and before it
 * @param timeout          connect and send time limit of the SMTP connection
 */
@ConfigurationProperties("qyx.reply")
public record ReplyProperties(boolean enabled, Boolean dryRun, String host, Integer port, String username, String password,
                              Path passwordFile, String from, String fromName, Path addressBook, Path outboxDir,
                              Integer reminderDays, Integer meetingDays, Duration timeout) {

    public ReplyProperties {
        dryRun = dryRun == null || dryRun;
        port = port == null ? 465 : port;
        fromName = fromName == null ? "七优享数据专班" : fromName;
        addressBook = addressBook == null ? Path.of("samples/reference/bureau_mailboxes.csv") : addressBook;
        outboxDir = outboxDir == null ? Path.of("out/mail") : outboxDir;
        reminderDays = reminderDays == null ? 5 : reminderDays;
        meetingDays = meetingDays == null ? 20 : meetingDays;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }
}
