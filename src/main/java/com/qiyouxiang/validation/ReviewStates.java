package com.qiyouxiang.validation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The review state of facts (fct_indicator_value.review_state: NULL, 待核实, 已说明 with the
 * 情况说明's text, source and time), kept from the 核实性 rule results.
 */
public final class ReviewStates {

    private ReviewStates() {
    }

    /**
     * After a file's facts and rule results are written: explains its pending results from
     * explanation files already received, then sets the review state of the facts it judged.
     */
    public static void apply(Connection c, long fileId) throws SQLException {
        Warehouse.runScript(c, "statements/validation/apply_explanations.sql");
        refresh(c, fileId);
    }

    /** After explanation files arrive: explains pending results of any file and refreshes all facts. */
    public static void applyAll(Connection c) throws SQLException {
        Warehouse.runScript(c, "statements/validation/apply_explanations.sql");
        refresh(c, null);
    }

    /**
     * Creates the temporary view {@code fct_indicator_value_evaluated} on this connection: the current
     * facts the evaluation counts, with or without those still 待核实 (qyx.validation.count-unverified).
     */
    public static void createEvaluatedView(Connection c, boolean countUnverified) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("intermediate/fct_indicator_value_evaluated.sql",
                    Map.of("count_unverified", String.valueOf(countUnverified))));
        }
    }

    private static void refresh(Connection c, Long fileId) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        values.put("file_id", fileId);
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/validation/refresh_review_states.sql", values));
        }
    }
}
