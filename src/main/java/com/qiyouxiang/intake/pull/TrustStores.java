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

    /**
     * When a connection failed because the server's certificate was not trusted or does not name the host: the
     * refusal the clerk reads (what to check: the trust store, the address), else null. A certificate does not
     * become trusted by trying again, so callers refuse at once instead of retrying.
     *
     * @param server the server in words, e.g. 数据平台（https://…）
     */
    public static PullRefusedException untrusted(Throwable failure, String server) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof javax.net.ssl.SSLPeerUnverifiedException
                    || t instanceof java.security.cert.CertificateException) {
                String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().lines().findFirst().orElse("");
                return new PullRefusedException(server + "的服务器证书未通过校验，未建立加密连接（" + detail + "）：请确认 qyx.tls.trust-store "
                        + "（QYX_TLS_TRUSTSTORE）含有该服务器的证书或其签发机构的证书，且配置的地址与证书上的名称一致", failure);
            }
        }
        return null;
    }
}
