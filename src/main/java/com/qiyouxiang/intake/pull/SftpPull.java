package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.keyverifier.RejectAllServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.keyprovider.FileKeyPairProvider;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.warehouse.Warehouse;

/**
 * sftpPull: the xlsx, xls and csv files of a remote folder (Apache MINA SSHD's client; the server's key checked
 * against the known-hosts file), each landed whole in the inbox ({@link InboxLanding}) and recorded in pull_file by its
 * remote path with its size and time as version: a file already taken is not taken again until it changes (then it
 * lands beside the first, name_2.xlsx, as a new submission). The remote files are left as they are.
 */
public class SftpPull {

    private static final Logger log = LoggerFactory.getLogger(SftpPull.class);
    static final String SOURCE = "sftp";

    /** What a run of the remote folder did. */
    public record Outcome(List<String> lines, int landed, int unchanged) {
    }

    private final SftpPullSettings settings;
    private final PulledFiles pulled;

    public SftpPull(SftpPullSettings settings, Warehouse warehouse) {
        this.settings = settings;
        this.pulled = new PulledFiles(warehouse);
    }

    /** The SSH client with the known-hosts check, started (the settings checked first). */
    private static SshClient client(SftpPullSettings settings) {
        if (settings.host() == null || settings.username() == null || settings.knownHosts() == null
                || !Files.isRegularFile(settings.knownHosts())) {
            throw new IllegalStateException("The SFTP pull needs qyx.pull.sftp.host, QYX_PULL_SFTP_USERNAME and a known-hosts "
                    + "file with the server's key (qyx.pull.sftp.known-hosts)");
        }
        SshClient client = SshClient.setUpDefaultClient();
        client.setServerKeyVerifier(new KnownHostsServerKeyVerifier(RejectAllServerKeyVerifier.INSTANCE, settings.knownHosts()));
        client.start();
        return client;
    }

    /** A session, its host key checked and logged in (a refusal in Chinese). */
    private static ClientSession session(SftpPullSettings settings, SshClient client) throws IOException {
        ClientSession session = client.connect(settings.username(), settings.host(), settings.port())
                .verify(settings.timeout()).getSession();
        String password = settings.secret();
        if (password != null) {
            session.addPasswordIdentity(password);
        }
        if (settings.privateKeyFile() != null) {
            session.setKeyIdentityProvider(new FileKeyPairProvider(settings.privateKeyFile()));
        }
        try {
            session.auth().verify(settings.timeout());
        } catch (IOException e) {
            session.close();
            throw new PullRefusedException("SFTP 服务器拒绝登录或主机密钥不符（" + settings.username() + "@" + settings.host()
                    + "）：请核对 QYX_PULL_SFTP_USERNAME、密码或私钥，以及 known-hosts 文件中的主机密钥", e);
        }
        return session;
    }

    /** jobs/run doctor: connects, logs in and lists the remote folder (nothing taken, nothing recorded). */
    public static String probe(SftpPullSettings settings) throws IOException {
        try (SshClient client = client(settings); ClientSession session = session(settings, client);
             SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
            int files = 0;
            for (SftpClient.DirEntry e : sftp.readDir(settings.remoteDir())) {
                files += e.getAttributes().isRegularFile() ? 1 : 0;
            }
            return "SFTP " + settings.username() + "@" + settings.host() + ":" + settings.port() + " 主机密钥和登录正常，"
                    + settings.remoteDir() + " 中有 " + files + " 个文件";
        }
    }

    public Outcome pullAll(Long jobExecutionId) throws IOException, SQLException {
        List<String> lines = new ArrayList<>();
        InboxLanding.deleteLeftovers(settings.inboxDir(), lines);
        int landed = 0;
        int unchanged = 0;
        String password = settings.secret();
        try (SshClient client = client(settings)) {
            try (ClientSession session = session(settings, client)) {
                try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
                    List<SftpClient.DirEntry> entries = new ArrayList<>();
                    sftp.readDir(settings.remoteDir()).forEach(entries::add);
                    entries.sort(java.util.Comparator.comparing(SftpClient.DirEntry::getFilename));
                    for (SftpClient.DirEntry e : entries) {
                        String name = MailAttachments.baseName(e.getFilename());
                        if (!e.getAttributes().isRegularFile() || name.startsWith(".") || !MailAttachments.usableName(name)) {
                            continue;
                        }
                        String remote = settings.remoteDir().replaceAll("/+$", "") + "/" + e.getFilename();
                        String version = e.getAttributes().getSize() + "@" + e.getAttributes().getModifyTime().toMillis();
                        if (version.equals(pulled.lastVersion(SOURCE, remote))) {
                            unchanged++;
                            continue;
                        }
                        InboxLanding.Landed l;
                        try (InputStream in = sftp.read(remote)) {
                            l = InboxLanding.land(settings.inboxDir(), name, false, settings.maxFileSize().toBytes(), in::transferTo);
                        }
                        pulled.record(new PulledFiles.Pulled(SOURCE, remote, version, l, null, null, null,
                                Instant.ofEpochMilli(e.getAttributes().getModifyTime().toMillis())), jobExecutionId);
                        landed += l.unchanged() ? 0 : 1;
                        lines.add(remote + " -> " + l.path().getFileName() + (l.unchanged() ? " (already there)" : ""));
                        log.info("SFTP pull {} -> {}", remote, l.path());
                    }
                }
            }
        }
        lines.add(String.format("sftp %s@%s:%s: %d file(s) landed, %d unchanged%s", settings.username(), settings.host(),
                settings.remoteDir(), landed, unchanged, password == null ? "" : "; password " + Secrets.fingerprint(password)));
        return new Outcome(lines, landed, unchanged);
    }
}
