package com.qiyouxiang.validation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.duckdb.DuckDBAppender;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * 应报未报: the rules of kind 'missing' (R-MISSING, 提示性 by default), per bureau × period rather
 * than per figure. Their results feed the 催报 list. Call after a period's files are loaded (the
 * marts or the end of an ingest run): {@link #find} lists, {@link #record} also stores them in
 * fct_rule_result.
 */
public final class MissingFigures {

    /** The sources whose facts count as reported when a rule names none. */
    private static final Set<String> DEFAULT_SOURCES = Set.of("spreadsheet", "platform", "derived");

    private MissingFigures() {
    }

    /**
     * @param bureauCode a bureau, or null for all
     * @param periodCode '2024Q2' or '2024'
     */
    public static List<RuleResult> find(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                        String periodCode) throws SQLException {
        Map<String, IndicatorInfo> indicators = IndicatorInfos.load(c, referenceDir);
        String periodLabel = periodLabel(c, periodCode);
        List<RuleResult> results = new ArrayList<>();
        for (Rule rule : catalogue.ofKind("missing")) {
            stage(c, rule, indicators.values());
            Map<String, Object> values = new HashMap<>();
            values.put("bureau_code", bureauCode);
            values.put("period_code", periodCode);
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(SqlFiles.read("statements/validation/missing_figures.sql", values))) {
                while (rs.next()) {
                    String indicator = rs.getString(1);
                    String bureau = rs.getString(3);
                    Map<String, String> message = new LinkedHashMap<>();
                    message.put("indicator", rs.getString(2));
                    message.put("indicator_code", indicator);
                    message.put("bureau", rs.getString(4));
                    message.put("town", rs.getString(6));
                    message.put("period", periodLabel);
                    results.add(RuleResult.missing(rule, catalogue.tierFor(rule, indicator, bureau), indicator,
                            rs.getString(5), periodCode, bureau, MessageTemplate.fill(rule.message(), message)));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS tmp_missing_indicator; DROP TABLE IF EXISTS tmp_missing_source");
        }
        return results;
    }

    /**
     * Finds the missing figures and stores them as rule results of this job execution, replacing the
     * ones an earlier run stored for the same period (and bureau): the 催报 list is what is missing now.
     */
    public static List<RuleResult> record(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                          String periodCode, Long jobExecutionId) throws SQLException {
        List<RuleResult> results = find(c, catalogue, referenceDir, bureauCode, periodCode);
        Map<String, Object> values = new HashMap<>();
        values.put("bureau_code", bureauCode);
        values.put("period_code", periodCode);
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/validation/delete_missing_results.sql", values));
        }
        RuleResults.store(c, results, jobExecutionId);
        return results;
    }

    private static void stage(Connection c, Rule rule, Iterable<IndicatorInfo> indicators) throws SQLException {
        Warehouse.runScript(c, "statements/validation/tmp_missing.sql");
        try (DuckDBAppender a = Warehouse.appender(c, "tmp_missing_indicator")) {
            for (IndicatorInfo i : indicators) {
                if (rule.appliesTo().matchesIndicator(i)
                        && (rule.appliesTo().bureaus().isEmpty() || rule.appliesTo().bureaus().contains(i.bureauCode()))) {
                    a.beginRow().append(i.code()).append(i.byTown()).endRow();
                }
            }
        }
        Set<String> sources = rule.appliesTo().sources().isEmpty() ? DEFAULT_SOURCES : rule.appliesTo().sources();
        try (DuckDBAppender a = Warehouse.appender(c, "tmp_missing_source")) {
            for (String source : sources) {
                a.beginRow().append(source).endRow();
            }
        }
    }

    private static String periodLabel(Connection c, String periodCode) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT label_zh FROM dim_period WHERE period_code = ?")) {
            p.setString(1, periodCode);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Unknown period " + periodCode + " (dim_period: '2024' or '2024Q2')");
                }
                return rs.getString(1);
            }
        }
    }
}
