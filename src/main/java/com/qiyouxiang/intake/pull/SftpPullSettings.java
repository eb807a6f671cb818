package com.qiyouxiang.intake.pull;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.util.unit.DataSize;

/**
 * A remote drop folder over SFTP (qyx.pull.sftp.*), for offices that use neither the mailbox nor the interface. The
 * server's host key must be in the known-hosts file: an unknown or changed key refuses the connection.
 *
 * @param enabled        whether the nightly run takes the remote folder (sftpPull), after mailPull
 * @param host           the SFTP server
 * @param port           its port (22)
 * @param username       the login (QYX_PULL_SFTP_USERNAME)
 * @param password       its password (QYX_PULL_SFTP_PASSWORD), if the server takes one: from the environment only
 * @param passwordFile   or a file holding it, readable by the service account alone (mode 600)
 * @param privateKeyFile or a private key (OpenSSH format, mode 600) to log in with
 * @param knownHosts     the known-hosts file holding the server's host key (ssh-keyscan output, checked by hand)
 * @param remoteDir      the remote folder whose xlsx, xls and csv files are taken (not its subfolders)
 * @param inboxDir       where they land (the inbox)
 * @param maxFileSize    a larger remote file is left there and fails the step
 * @param timeout        connect, log-in and read time limit
 */
public record SftpPullSettings(boolean enabled, String host, Integer port, String username, String password, Path passwordFile,
                               Path privateKeyFile, Path knownHosts, String remoteDir, Path inboxDir, DataSize maxFileSize,
                               Duration timeout) {

    public SftpPullSettings {
        port = port == null ? 22 : port;
        remoteDir = remoteDir == null ? "." : remoteDir;
        inboxDir = inboxDir == null ? Path.of("samples/inbox") : inboxDir;
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(100) : maxFileSize;
        timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    }

    static final SftpPullSettings OFF = new SftpPullSettings(false, null, null, null, null, null, null, null, null, null, null, null);

    public String secret() {
        return Secrets.read("qyx.pull.sftp.password", password, passwordFile);
    }
}
