package com.qiyouxiang.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import com.qiyouxiang.warehouse.SqlFiles;

/**
 * As the meeting saw it (会议口径, docs/evaluation-method.md §8): freezes a closed quarter's evaluation as the
 * version the 季度调度会 saw (sql/statements/evaluation/freeze_meeting_version.sql). The first quarterly run after the quarter
 * closed makes version 1; later runs keep it; an explicit rerun makes the next version and keeps the old.
 */
public final class MeetingVersions {

    /** What a freeze did: the version now in force for the quarter (null: none, the quarter has not closed). */
    public record Outcome(Integer version, boolean made, long rows, String frozenAt) {
    }

    private MeetingVersions() {
    }

    public static Outcome freeze(Connection c, Quarter quarter, LocalDate today, boolean rerun, Long jobExecutionId)
            throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("quarter", quarter.code());
        values.put("today", today.toString());
        values.put("rerun", String.valueOf(rerun));
        values.put("job_execution_id", jobExecutionId);
        boolean made;
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/evaluation/freeze_meeting_version.sql", values));
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM tmp_freeze")) {
                rs.next();
                made = rs.getLong(1) > 0;
            }
        }
        try (PreparedStatement p = c.prepareStatement("""
                SELECT v.version_no, CAST(v.frozen_at AS VARCHAR),
                       (SELECT count(*) FROM mart_meeting_row r WHERE r.quarter_code = v.quarter_code AND r.version_no = v.version_no)
                FROM mart_meeting_version v WHERE v.quarter_code = ? ORDER BY v.version_no DESC LIMIT 1""")) {
            p.setString(1, quarter.code());
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    return new Outcome(null, false, 0, null);
                }
                return new Outcome(rs.getInt(1), made, rs.getLong(3), rs.getString(2));
            }
        }
    }
}
