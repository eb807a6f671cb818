package com.qiyouxiang.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;

/**
 * Writes observations as facts with revisions (sql/statements/facts/merge_fct_indicator_value.sql): new keys
 * become revision 1, changed figures a new current revision with the old one kept, unchanged
 * figures nothing. Reported (spreadsheet), platform and derived figures are separate sources, so
 * a bureau's figure and the same one derived from records are both kept.
 */
public final class FactWriter {

    /** A figure that changed: old value (null when new) -> new value, and the revision it became. */
    public record Change(String indicatorCode, String townCode, String periodCode, Double oldValue, Double newValue,
                         int revision) {
    }

    private FactWriter() {
    }

    /** Creates (or empties) stg_fact on this connection and appends the observations. */
    public static void stage(Connection c, List<Observation> observations) throws SQLException {
        Warehouse.runScript(c, "statements/facts/stg_fact.sql");
        try (DuckDBAppender a = Warehouse.appender(c, "stg_fact")) {
            for (Observation o : observations) {
                appendRow(a, o);
            }
        }
    }

    /** One stg_fact row: the figure and where it was read (sql/facts/stg_fact.sql). */
    public static void appendRow(DuckDBAppender a, Observation o) throws SQLException {
        Observation.Source s = o.source();
        a.beginRow().append(o.indicatorCode()).append(o.townCode()).append(o.periodCode())
                .append(o.value()).append(o.numerator()).append(o.denominator())
                .append(o.obsStatus() == null ? "A" : o.obsStatus())
                .append(s == null ? null : s.sheet()).append(s == null ? null : s.row())
                .append(s == null ? null : s.cell()).append(s == null ? null : s.line())
                .append((String) null).append((String) null).endRow();
    }

    /**
     * Merges what is in stg_fact (filled by {@link #stage} or by SQL) into the facts.
     *
     * @return the figures that are new or changed (changes first: oldValue non-null)
     */
    public static List<Change> merge(Connection c, String sourceKind, String bureauCode, Long fileId, String sourceFile,
                                     Long jobExecutionId) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("source_kind", sourceKind);
        values.put("bureau_code", bureauCode);
        values.put("file_id", fileId);
        values.put("source_file", sourceFile);
        values.put("job_execution_id", jobExecutionId);
        List<Change> changes = new ArrayList<>();
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/facts/merge_fct_indicator_value.sql", values));
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT indicator_code, town_code, period_code, old_value, new_value, revision FROM fact_changes
                ORDER BY old_value IS NULL, indicator_code, town_code, period_code""")) {
            while (rs.next()) {
                changes.add(new Change(rs.getString(1), rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
                        (Double) rs.getObject(5), rs.getInt(6)));
            }
        }
        return changes;
    }

    public static List<Change> write(Connection c, List<Observation> observations, String sourceKind, String bureauCode,
                                     Long fileId, String sourceFile, Long jobExecutionId) throws SQLException {
        stage(c, observations);
        return merge(c, sourceKind, bureauCode, fileId, sourceFile, jobExecutionId);
    }
}
