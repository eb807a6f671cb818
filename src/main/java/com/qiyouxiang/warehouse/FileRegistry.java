package com.qiyouxiang.warehouse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.HexFormat;
import java.util.List;

import org.duckdb.DuckDBAppender;

/**
 * The ETL bookkeeping: every file received (etl_file) and every row rejected from it (etl_reject),
 * each linked to the job execution that handled it. Callers pass their own connection so the
 * bookkeeping commits or rolls back with the facts.
 */
public final class FileRegistry {

    private FileRegistry() {
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The id of a file with this checksum and kind that was already processed successfully, or null. */
    public static Long findProcessed(Connection c, String checksum, String sourceKind) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT max(file_id) FROM etl_file
                WHERE checksum_sha256 = ? AND source_kind = ? AND status IN ('loaded', 'loaded_with_rejects')""")) {
            p.setString(1, checksum);
            p.setString(2, sourceKind);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                long id = rs.getLong(1);
                return rs.wasNull() ? null : id;
            }
        }
    }

    /**
     * Registers a file as being processed and returns its id. Its received time is now, or, for a file a pull brought
     * (pull_file, by checksum), when it was received there: a mailed workbook's message date.
     */
    public static long register(Connection c, Path file, String checksum, String sourceKind, Long jobExecutionId)
            throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO etl_file (file_name, path, checksum_sha256, size_bytes, source_kind, status, job_execution_id, received_at)
                VALUES (?, ?, ?, ?, ?, 'processing', ?,
                        coalesce((SELECT min(received_at) FROM pull_file WHERE checksum_sha256 = ?), current_timestamp))
                RETURNING file_id""")) {
            p.setString(1, file.getFileName().toString());
            p.setString(2, file.toString());
            p.setString(3, checksum);
            p.setLong(4, sizeOf(file));
            p.setString(5, sourceKind);
            setLong(p, 6, jobExecutionId);
            p.setString(7, checksum);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Records the outcome of a file; fails if its row counts do not reconcile. */
    public static void complete(Connection c, long fileId, FileStatus status, String mappingId, String bureauCode,
                                String periodCode, Integer revision, RowCounts counts, String message) throws SQLException {
        if (!counts.reconciles()) {
            throw new IllegalStateException("Row counts of file " + fileId + " do not reconcile: " + counts);
        }
        try (PreparedStatement p = c.prepareStatement("""
                UPDATE etl_file SET status = ?, mapping_id = ?, bureau_code = ?, period_code = ?, revision = ?,
                       rows_read = ?, rows_loaded = ?, rows_rejected = ?, rows_ignored = ?, ignored_detail = ?,
                       message = ?, processed_at = current_timestamp
                WHERE file_id = ?""")) {
            p.setString(1, status.dbValue());
            p.setString(2, mappingId);
            p.setString(3, bureauCode);
            p.setString(4, periodCode);
            if (revision == null) {
                p.setNull(5, Types.INTEGER);
            } else {
                p.setInt(5, revision);
            }
            p.setLong(6, counts.rowsRead());
            p.setLong(7, counts.rowsLoaded());
            p.setLong(8, counts.rowsRejected());
            p.setLong(9, counts.rowsIgnored());
            p.setString(10, counts.ignoredDetail());
            p.setString(11, message);
            p.setLong(12, fileId);
            p.executeUpdate();
        }
    }

    /**
     * Appends rejects for a file. Rows go through an Appender into a temporary table, then into
     * etl_reject in one statement (so ids and defaults come from the table): rejects can be many.
     */
    public static void reject(Connection c, long fileId, String fileName, Long jobExecutionId, List<Reject> rejects)
            throws SQLException {
        if (rejects.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("""
                    CREATE OR REPLACE TEMP TABLE tmp_reject (sheet_name VARCHAR, row_number BIGINT, cell_ref VARCHAR,
                        raw_value VARCHAR, reason_code VARCHAR, message_zh VARCHAR)""");
        }
        try (DuckDBAppender a = Warehouse.appender(c, "tmp_reject")) {
            for (Reject r : rejects) {
                a.beginRow().append(r.sheetName()).append(r.rowNumber()).append(r.cellRef()).append(r.rawValue())
                        .append(r.reasonCode()).append(r.messageZh()).endRow();
            }
        }
        try (PreparedStatement p = c.prepareStatement("""
                INSERT INTO etl_reject (file_id, file_name, sheet_name, row_number, cell_ref, raw_value,
                                        reason_code, message_zh, job_execution_id)
                SELECT ?, ?, sheet_name, row_number, cell_ref, raw_value, reason_code, message_zh, ?
                FROM tmp_reject""")) {
            p.setLong(1, fileId);
            p.setString(2, fileName);
            setLong(p, 3, jobExecutionId);
            p.executeUpdate();
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE tmp_reject");
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void setLong(PreparedStatement p, int index, Long value) throws SQLException {
        if (value == null) {
            p.setNull(index, Types.BIGINT);
        } else {
            p.setLong(index, value);
        }
    }
}
