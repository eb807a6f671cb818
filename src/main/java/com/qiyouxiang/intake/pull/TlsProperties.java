package com.qiyouxiang.intake.pull;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The trust store every TLS connection of the pulls and the replies verifies its server against (qyx.tls.*): the
 * platform's HTTPS, IMAPS, SMTPS. Not set: the JVM's own CA certificates. A government CA that the JVM does not
 * carry goes into a PKCS12 file named here; a server certificate that no trusted CA signed is refused (there is no
 * switch to turn verification off).
 *
 * @param trustStore         a PKCS12 (or JKS) file of trusted CA certificates; blank = the JVM's cacerts
 * @param trustStorePassword its password (QYX_TLS_TRUSTSTOREPASSWORD); blank for a store without one
 * @param trustStoreType     PKCS12 or JKS
 */
@ConfigurationProperties("qyx.tls")
public record TlsProperties(Path trustStore, String trustStorePassword, String trustStoreType) {

    public TlsProperties {
        trustStoreType = trustStoreType == null || trustStoreType.isBlank() ? "PKCS12" : trustStoreType;
    }
}
