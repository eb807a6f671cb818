package com.qiyouxiang.intake.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.file.virtualfs.VirtualFileSystemFactory;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.apache.sshd.sftp.server.SftpSubsystemFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * sftpPull against Apache SSHD's own SFTP server on 127.0.0.1: the remote folder's workbooks land whole, once; a
 * changed remote file lands again beside the first; an unknown host key and a wrong password are refused.
 */
class SftpPullTest {

    static final Path WORKBOOK = Path.of("samples/inbox/残联2026年第三季度指标报送.xlsx");

    @TempDir
    Path work;

    SshServer server;
    Warehouse warehouse;
    Path remote;
    Path knownHosts;

    @BeforeEach
    void start() throws Exception {
        remote = Files.createDirectories(work.resolve("remote/drop"));
        server = SshServer.setUpDefaultServer();
        server.setHost("127.0.0.1");
        server.setPort(0);
        server.setKeyPairProvider(new SimpleGeneratorHostKeyProvider(work.resolve("hostkey.ser")));
        server.setPasswordAuthenticator((user, password, session) -> "cl-office".equals(user) && "sftp-test-pass".equals(password));
        server.setSubsystemFactories(List.of(new SftpSubsystemFactory()));
        server.setFileSystemFactory(new VirtualFileSystemFactory(work.resolve("remote")));
        server.start();
        PublicKey key = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
        knownHosts = work.resolve("known_hosts");
        Files.writeString(knownHosts, "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(key) + "\n");
        warehouse = new Warehouse(work.resolve("w.duckdb"));
    }

    @AfterEach
    void stop() throws Exception {
        server.stop(true);
        warehouse.close();
    }

    SftpPullSettings settings(String password, Path hosts) {
        return new SftpPullSettings(true, "127.0.0.1", server.getPort(), "cl-office", password, null, null, hosts, "/drop",
                work.resolve("inbox"), DataSize.ofMegabytes(5), Duration.ofSeconds(10));
    }

    @Test
    void theRemoteFolderLandsOnceAndAChangedFileAgain() throws Exception {
        Files.copy(WORKBOOK, remote.resolve(WORKBOOK.getFileName()));
        Files.writeString(remote.resolve("readme.txt"), "not a report");
        SftpPull.Outcome first = new SftpPull(settings("sftp-test-pass", knownHosts), warehouse).pullAll(1L);
        assertThat(first.landed()).isEqualTo(1);
        Path landed = work.resolve("inbox").resolve(WORKBOOK.getFileName());
        assertThat(FileRegistry.sha256(landed)).isEqualTo(FileRegistry.sha256(WORKBOOK));
        assertThat(visible()).containsExactly(WORKBOOK.getFileName().toString());

        SftpPull.Outcome second = new SftpPull(settings("sftp-test-pass", knownHosts), warehouse).pullAll(2L);
        assertThat(second.landed()).isZero();
        assertThat(second.unchanged()).isEqualTo(1);

        Files.write(remote.resolve(WORKBOOK.getFileName()), new byte[] {1, 2, 3});
        Files.setLastModifiedTime(remote.resolve(WORKBOOK.getFileName()), java.nio.file.attribute.FileTime.fromMillis(1_000_000L));
        assertThat(new SftpPull(settings("sftp-test-pass", knownHosts), warehouse).pullAll(3L).landed()).isEqualTo(1);
        assertThat(visible()).containsExactly("残联2026年第三季度指标报送.xlsx", "残联2026年第三季度指标报送_2.xlsx");
    }

    @Test
    void theDoctorsProbeLogsInAndListsTheFolderWithoutTakingAnything() throws Exception {
        Files.copy(WORKBOOK, remote.resolve(WORKBOOK.getFileName()));
        assertThat(SftpPull.probe(settings("sftp-test-pass", knownHosts)))
                .isEqualTo("SFTP cl-office@127.0.0.1:" + server.getPort() + " 主机密钥和登录正常，/drop 中有 1 个文件");
        assertThat(work.resolve("inbox")).doesNotExist();
        assertThatThrownBy(() -> SftpPull.probe(settings("wrong", knownHosts)))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("SFTP 服务器拒绝登录");
        // the pull itself still takes the file: the probe recorded nothing
        assertThat(new SftpPull(settings("sftp-test-pass", knownHosts), warehouse).pullAll(1L).landed()).isEqualTo(1);
    }

    @Test
    void anUnknownHostKeyOrAWrongPasswordIsRefused() throws Exception {
        Files.copy(WORKBOOK, remote.resolve(WORKBOOK.getFileName()));
        Path otherHosts = work.resolve("other_known_hosts");
        Files.writeString(otherHosts, "[127.0.0.1]:1 " + PublicKeyEntry.toString(
                org.apache.sshd.common.util.security.SecurityUtils.getKeyPairGenerator("RSA").generateKeyPair().getPublic()) + "\n");
        assertThatThrownBy(() -> new SftpPull(settings("sftp-test-pass", otherHosts), warehouse).pullAll(1L))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("主机密钥");
        assertThatThrownBy(() -> new SftpPull(settings("wrong", knownHosts), warehouse).pullAll(1L))
                .isInstanceOf(PullRefusedException.class).hasMessageContaining("SFTP 服务器拒绝登录").hasMessageNotContaining("wrong");
        assertThat(work.resolve("inbox")).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(visible()).isEmpty());
    }

    List<String> visible() throws Exception {
        try (Stream<Path> s = Files.list(work.resolve("inbox"))) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }
}
