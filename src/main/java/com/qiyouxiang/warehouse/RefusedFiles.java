package com.qiyouxiang.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Records a file that was not loaded, whatever its kind: one etl_file row (its status and Chinese
 * reason, the bureau recognised from its name through dim_bureau_alias, its period when the caller
 * knows it) and one file-level etl_reject row, once per content and reason however often the file is
 * seen; the file stays in the inbox. Part of the caller's transaction.
 */
public final class RefusedFiles {

    /** @param isNew false when the same content was refused for the same reason before */
    public record Registered(long fileId, boolean isNew, String bureauCode) {
    }

    private RefusedFiles() {
    }

    public static Registered record(Connection c, Path file, String checksum, String sourceKind, FileRefusal refusal,
                                    String periodCode, Long jobExecutionId) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("checksum", checksum);
        values.put("status", refusal.status().dbValue());
        values.put("message", refusal.reasonZh());
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(SqlFiles.read("statements/warehouse/refused_before.sql", values))) {
            if (rs.next()) {
                return new Registered(rs.getLong(1), false, rs.getString(2));
            }
        }
        String bureau = bureauInName(c, file.getFileName().toString());
        long fileId = FileRegistry.register(c, file, checksum, sourceKind, jobExecutionId);
        FileRegistry.reject(c, fileId, file.getFileName().toString(), jobExecutionId,
                List.of(new Reject(null, null, null, file.getFileName().toString(), refusal.reasonCode(), refusal.reasonZh())));
        FileRegistry.complete(c, fileId, refusal.status(), null, bureau, periodCode, null, new RowCounts(), refusal.reasonZh());
        return new Registered(fileId, true, bureau);
    }

    /** The bureau whose longest alias (dim_bureau_alias) the file name contains, or null. */
    public static String bureauInName(Connection c, String fileName) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(SqlFiles.read("statements/warehouse/bureau_in_file_name.sql"))) {
            p.setString(1, fileName);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
