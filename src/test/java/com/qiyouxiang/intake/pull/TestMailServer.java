package com.qiyouxiang.intake.pull;

import java.nio.file.Path;
import java.util.Properties;

import jakarta.mail.Folder;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail's IMAPS and SMTPS on 127.0.0.1 (free ports), serving the certificate of {@link TestCertificates} (GreenMail
 * reads its key store from system properties, once per JVM: every test that starts one uses the same certificates).
 */
public final class TestMailServer implements AutoCloseable {

    public static final String MAILBOX = "qyx-inbox@example.gov.cn";
    public static final String PASSWORD = "mailbox-test-password";

    private static TestCertificates certificates;

    public final GreenMail greenMail;

    public TestMailServer(Path work) throws Exception {
        TestCertificates certs = certificates(work);
        greenMail = new GreenMail(new ServerSetup[] {new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_IMAPS).dynamicPort(),
                new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort()});
        greenMail.start();
        greenMail.setUser(MAILBOX, MAILBOX, PASSWORD);
    }

    public static synchronized TestCertificates certificates(Path work) throws Exception {
        if (certificates == null) {
            // once per JVM, outside any one test's temporary folder (GreenMail keeps reading the key store)
            certificates = TestCertificates.create(java.nio.file.Files.createTempDirectory("qyx-test-certificates-"));
            System.setProperty("greenmail.tls.keystore.file", certificates.keyStore().toString());
            System.setProperty("greenmail.tls.keystore.password", certificates.password());
            System.setProperty("greenmail.tls.key.password", certificates.password());
        }
        return certificates;
    }

    public int imapsPort() {
        return greenMail.getImaps().getPort();
    }

    public int smtpsPort() {
        return greenMail.getSmtps().getPort();
    }

    public void deliver(MimeMessage m) {
        greenMail.getUserManager().getUser(MAILBOX).deliver(m);
    }

    /** How many messages a folder of the mailbox holds now (read over IMAPS, as the product does). */
    public int count(String folder) throws Exception {
        Properties p = MailPull.tlsSession("imaps", "127.0.0.1", imapsPort(),
                TrustStores.sslContext(certificates.tls()), 10_000);
        Store store = Session.getInstance(p).getStore("imaps");
        store.connect("127.0.0.1", imapsPort(), MAILBOX, PASSWORD);
        try {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        } finally {
            store.close();
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }
}
