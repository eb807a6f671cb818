package com.qiyouxiang.intake.pull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/** The pulls' bookkeeping in the warehouse: pull_file (sql/statements/pull/). Each record commits on its own. */
public final class PulledFiles {

    /** One pulled file (or an empty period: {@code landed} null). */
    public record Pulled(String source, String origin, String versionTag, InboxLanding.Landed landed, Long rows,
                         String bureauCode, String sender, Instant receivedAt) {
    }

    private final Warehouse warehouse;

    public PulledFiles(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The version marker of the last whole pull of this origin, or null (never pulled, or no marker). */
    public String lastVersion(String source, String origin) throws SQLException {
        try (Connection c = warehouse.connect(); PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/pull/last_version.sql"))) {
            p.setString(1, source);
            p.setString(2, origin);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether this origin was ever pulled (whatever its marker). */
    public boolean seen(String source, String origin) throws SQLException {
        try (Connection c = warehouse.connect(); PreparedStatement p = c.prepareStatement(
                "SELECT count(*) FROM pull_file WHERE source = ? AND origin = ?")) {
            p.setString(1, source);
            p.setString(2, origin);
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    public void record(Pulled f, Long jobExecutionId) throws SQLException {
        try (Connection c = warehouse.connect()) {
            record(c, f, jobExecutionId);
        }
    }

    /** Records on the caller's connection (mailPull: with the message's record, in one transaction). */
    public static void record(Connection c, Pulled f, Long jobExecutionId) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/pull/insert_pull_file.sql"))) {
            p.setString(1, f.source());
            p.setString(2, f.origin());
            p.setString(3, f.versionTag());
            InboxLanding.Landed l = f.landed();
            p.setString(4, l == null ? null : l.path().getFileName().toString());
            p.setString(5, l == null ? null : l.path().toString());
            p.setString(6, l == null ? null : l.checksum());
            setLong(p, 7, l == null ? null : l.size());
            setLong(p, 8, f.rows());
            p.setString(9, f.bureauCode());
            p.setString(10, f.sender());
            if (f.receivedAt() == null) {
                p.setNull(11, Types.TIMESTAMP);
            } else {
                p.setTimestamp(11, Timestamp.from(f.receivedAt()));
            }
            setLong(p, 12, jobExecutionId);
            p.executeUpdate();
        }
    }

    private static void setLong(PreparedStatement p, int i, Long v) throws SQLException {
        if (v == null) {
            p.setNull(i, Types.BIGINT);
        } else {
            p.setLong(i, v);
        }
    }
}
