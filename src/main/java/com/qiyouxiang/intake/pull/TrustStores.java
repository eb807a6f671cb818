package com.qiyouxiang.intake.pull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** The TLS context of every outgoing connection: the JVM's trust, or the configured trust store (qyx.tls.*). */
public final class TrustStores {

    private TrustStores() {
    }

    public static SSLContext sslContext(TlsProperties tls) {
        try {
            if (tls == null || tls.trustStore() == null || tls.trustStore().toString().isBlank()) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(tls.trustStoreType());
            char[] password = tls.trustStorePassword() == null || tls.trustStorePassword().isEmpty() ? null
                    : tls.trustStorePassword().toCharArray();
            try (InputStream in = Files.newInputStream(tls.trustStore())) {
                store.load(in, password);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the trust store " + tls.trustStore().toAbsolutePath()
                    + " (qyx.tls.trust-store, type " + tls.trustStoreType() + "): " + e.getMessage(), e);
        }
    }
}
