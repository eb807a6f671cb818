package com.qiyouxiang.validation;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duckdb.DuckDBAppender;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Stores rule results in fct_rule_result, in the caller's transaction (Appender into a temporary
 * table, then one INSERT): every finding of a file, whatever its tier, with the job execution.
 */
public final class RuleResults {

    private RuleResults() {
    }

    /**
     * Stores one file's findings (as returned by {@link ValueRules#check}). A figure with a 强制性
     * finding was rejected, so its 核实性 findings get no review state.
     */
    public static void record(Connection c, List<Finding> findings, Long jobExecutionId) throws SQLException {
        Set<Candidate> rejected = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Finding f : findings) {
            if (f.tier() == Tier.MANDATORY) {
                rejected.add(f.candidate());
            }
        }
        List<RuleResult> results = new ArrayList<>();
        for (Finding f : findings) {
            results.add(RuleResult.of(f, rejected.contains(f.candidate())));
        }
        store(c, results, jobExecutionId);
    }

    /** Stores results made without a candidate (missing figures). */
    public static void store(Connection c, List<RuleResult> results, Long jobExecutionId) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        Warehouse.runScript(c, "statements/validation/tmp_rule_result.sql");
        try (DuckDBAppender a = Warehouse.appender(c, "tmp_rule_result")) {
            for (RuleResult r : results) {
                a.beginRow().append(r.ruleId()).append(r.ruleVersion()).append(r.ruleKind()).append(r.tier().zh())
                        .append(r.outcome().dbValue()).append(r.reasonCode()).append(r.indicatorCode()).append(r.townCode())
                        .append(r.periodCode()).append(r.bureauCode()).append(r.sourceKind()).append(r.fileId())
                        .append(r.fileName()).append(r.sheetName()).append(r.rowNumber()).append(r.location())
                        .append(r.rawText()).append(r.value()).append(r.comparedValue()).append(r.comparedWith())
                        .append(r.messageZh()).append(r.reviewState() == null ? null : r.reviewState().dbValue())
                        .append(r.explanation())
                        .append(r.explanationSource()).endRow();
            }
        }
        try (Statement s = c.createStatement()) {
            Map<String, Object> values = new HashMap<>();
            values.put("job_execution_id", jobExecutionId);
            s.execute(SqlFiles.read("statements/validation/insert_rule_results.sql", values));
        }
    }
}
