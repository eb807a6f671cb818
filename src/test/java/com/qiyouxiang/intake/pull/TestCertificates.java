package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A self-signed server certificate for 127.0.0.1 (its IP in the subject alternative names, so the client's name check
 * passes) made with the JDK's keytool, and a trust store holding only that certificate: the government-CA case,
 * where the JVM's own CA certificates do not vouch for the server and qyx.tls.trust-store must.
 */
public record TestCertificates(Path keyStore, Path trustStore, String password) {

    public static TestCertificates create(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path keys = dir.resolve("server.p12");
        Path cert = dir.resolve("server.cer");
        Path trust = dir.resolve("trust.p12");
        String password = "test-store-pass";
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(List.of(keytool, "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "30",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keys.toString(), "-storepass", password, "-keypass", password));
        run(List.of(keytool, "-exportcert", "-alias", "server", "-keystore", keys.toString(), "-storepass", password,
                "-file", cert.toString()));
        run(List.of(keytool, "-importcert", "-noprompt", "-alias", "server", "-file", cert.toString(), "-storetype", "PKCS12",
                "-keystore", trust.toString(), "-storepass", password));
        return new TestCertificates(keys, trust, password);
    }

    public TlsProperties tls() {
        return new TlsProperties(trustStore, password, "PKCS12");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + ": " + out);
        }
    }
}
