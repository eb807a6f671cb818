package com.qiyouxiang.intake.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed hash that replaces 身份证号 and 户编号: HMAC-SHA256 (RFC 2104). DuckDB has sha256 but no
 * hmac function, so the SQL macro keyed_hash (sql/staging/platform_macros.sql) computes the HMAC
 * construction itself, H((K xor opad) || H((K xor ipad) || m)), from the two padded keys this class
 * sets as connection variables through a prepared statement: the key never appears in SQL text
 * (which DuckDB repeats in error messages) nor in any table. {@link #hmac} is the same function in
 * Java, for tests.
 */
public final class KeyedHash {

    private static final int BLOCK = 64;

    private final byte[] key;

    public KeyedHash(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No hash key: set qyx.platform.hash-key or the environment variable QYX_PLATFORM_HASH_KEY");
        }
        this.key = key.getBytes(StandardCharsets.UTF_8);
    }

    /** Sets the padded keys on this connection (variables platform_hmac_ipad / platform_hmac_opad). */
    public void install(Connection c) throws SQLException {
        byte[] k = key.length > BLOCK ? sha256(key) : key;
        byte[] ipad = new byte[BLOCK];
        byte[] opad = new byte[BLOCK];
        for (int i = 0; i < BLOCK; i++) {
            byte b = i < k.length ? k[i] : 0;
            ipad[i] = (byte) (b ^ 0x36);
            opad[i] = (byte) (b ^ 0x5c);
        }
        set(c, "platform_hmac_ipad", ipad);
        set(c, "platform_hmac_opad", opad);
    }

    /** Removes the padded keys from the connection. */
    public static void uninstall(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("RESET VARIABLE platform_hmac_ipad");
            s.execute("RESET VARIABLE platform_hmac_opad");
        }
    }

    public byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A short public fingerprint of the key (HMAC of a fixed text), to tell runs with different keys apart. */
    public String fingerprint() {
        return HexFormat.of().formatHex(hmac("qyx-key-fingerprint")).substring(0, 12);
    }

    private static void set(Connection c, String name, byte[] value) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SET VARIABLE " + name + " = unhex(?)")) {
            p.setString(1, HexFormat.of().formatHex(value));
            p.execute();
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
