package com.qiyouxiang.intake.platform;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.duckdb.DuckDBColumnType;
import org.duckdb.DuckDBDataChunkReader;
import org.duckdb.DuckDBFunctions;
import org.duckdb.DuckDBReadableVector;
import org.duckdb.DuckDBWritableVector;

import com.qiyouxiang.warehouse.Warehouse;

/**
 * The keyed hash that replaces 身份证号 and 户编号: HMAC-SHA256 (RFC 2104) under the operator's key.
 * {@link #install} registers it in DuckDB as two vectorised Java functions, {@code keyed_hash_base64(VARCHAR)}
 * (44 characters of Base64: DuckDB's Java functions return text, not bytes, and Base64 is shorter to
 * return and decode than hex) and {@code id_keyed_hash_base64(VARCHAR)} (the same for a 身份证号 valid by
 * GB 11643, NULL otherwise: {@link Gb11643#valid} checks it while the bytes are in hand, in nanoseconds, where
 * the same checks in SQL cost a pattern, a date parse and 17 integer divisions a line), and the SQL macros
 * over them (sql/statements/platform/keyed_hash.sql: the 32 bytes stored), so they run inside the SELECT that reads the
 * CSV, on DuckDB's own threads, one call
 * per vector of 2,048 lines. The key lives only in this object: it never appears in SQL text (which DuckDB
 * repeats in error messages) nor in any table, and {@link #uninstall} replaces the functions by ones that
 * refuse to hash, so the database instance keeps no reference to the key after a load.
 * (Before, the HMAC was a SQL macro over DuckDB's sha256, two calls a line with hex round trips:
 * about 2 s more for 5,000,000 lines on two cores.)
 */
public final class KeyedHash {

    static final String FUNCTION = "keyed_hash_base64";
    static final String ID_FUNCTION = "id_keyed_hash_base64";

    private final SecretKeySpec key;

    public KeyedHash(String key) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No hash key: set qyx.platform.hash-key or the environment variable QYX_PLATFORM_HASH_KEY");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Registers the two functions with this key on the connection's database instance, and the macros over them. */
    public void install(Connection c) throws SQLException {
        register(c, FUNCTION, (in, out) -> hashVector(in, out, false));
        register(c, ID_FUNCTION, (in, out) -> hashVector(in, out, true));
        Warehouse.runScript(c, "statements/platform/keyed_hash.sql");
    }

    /** Replaces both functions by ones that fail: no key stays reachable from SQL. */
    public static void uninstall(Connection c) throws SQLException {
        for (String name : new String[] {FUNCTION, ID_FUNCTION}) {
            register(c, name, (in, out) -> {
                throw new IllegalStateException(name + ": no hash key installed (only while a platform export loads)");
            });
        }
    }

    public byte[] hmac(String value) {
        return newMac().doFinal(value.getBytes(StandardCharsets.UTF_8));
    }

    /** A short public fingerprint of the key (HMAC of a fixed text), to tell runs with different keys apart. */
    public String fingerprint() {
        return HexFormat.of().formatHex(hmac("qyx-key-fingerprint")).substring(0, 12);
    }

    private static void register(Connection c, String name, org.duckdb.DuckDBScalarFunction function) throws SQLException {
        DuckDBFunctions.scalarFunction().withName(name).withParameter(DuckDBColumnType.VARCHAR)
                .withReturnType(DuckDBColumnType.VARCHAR).withNullInNullOut().withVectorizedFunction(function)
                .register(c);
    }

    /**
     * One vector: the HMAC of each value in Base64, NULL for NULL and, with idNumbers, NULL for a value
     * that is not a valid 身份证号 by GB 11643 (Gb11643.valid).
     */
    private void hashVector(DuckDBDataChunkReader in, DuckDBWritableVector out, boolean idNumbers)
            throws ShortBufferException {
        DuckDBReadableVector values = in.vector(0);
        int rows = Math.toIntExact(in.rowCount());
        byte[][] hashes = new byte[rows][];
        byte[] digest = new byte[32];
        Mac mac = newMac(); // one per vector: DuckDB calls from several threads at once
        Base64.Encoder base64 = Base64.getEncoder();
        LocalDate today = LocalDate.now();
        for (int row = 0; row < rows; row++) {
            if (values.isNull(row)) {
                continue;
            }
            byte[] value = values.getString(row).getBytes(StandardCharsets.UTF_8);
            if (idNumbers && !Gb11643.valid(value, today)) {
                continue;
            }
            mac.update(value);
            mac.doFinal(digest, 0);
            hashes[row] = base64.encode(digest);
        }
        out.setStringUtf8Batch(0, hashes);
        for (int row = 0; row < rows; row++) {
            if (hashes[row] == null) {
                out.setNull(row);
            }
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
