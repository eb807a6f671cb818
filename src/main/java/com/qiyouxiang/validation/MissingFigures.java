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
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.duckdb.DuckDBAppender;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * 应报未报: the rules of kind 'missing' (R-MISSING, 提示性 by default), per bureau × period rather
 * than per figure. Their results feed the 催报 list. The figures owed come from the evaluation's own
 * model (sql/intermediate/int_expected_period.sql and int_figures_owed.sql, docs/evaluation-method.md §2), so
 * the run summary, mart_data_completeness and the report give one count: the figures owed as of a
 * quarter are the quarter's quarterly figures and, for annual indicators, year y−1 once quarter 2 of
 * year y has closed (y−2 before), a later value counting as reported. The figures the evaluation counts
 * count as reported, from every source (a missing rule's {@code sources} are not consulted).
 * Call after a period's files are loaded: {@link #find} lists, {@link #record} also stores them in
 * fct_rule_result.
 */
public final class MissingFigures {

    private static final Pattern QUARTER = Pattern.compile("(\\d{4})Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private MissingFigures() {
    }

    /** The figures of one period ('2024Q2' or '2024') owed, counting 待核实 figures (the default). */
    public static List<RuleResult> find(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                        String periodCode) throws SQLException {
        return find(c, catalogue, referenceDir, bureauCode, periodCode, true);
    }

    /**
     * The figures of one period owed: for a quarter, its quarterly figures as owed at that quarter; for a
     * year y, its annual figures as owed once quarter 2 of y+1 has closed.
     *
     * @param bureauCode      a bureau, or null for all
     * @param periodCode      '2024Q2' or '2024'
     * @param countUnverified whether figures still 待核实 count as held (qyx.validation.count-unverified)
     */
    public static List<RuleResult> find(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                        String periodCode, boolean countUnverified) throws SQLException {
        periodLabel(c, periodCode);
        String quarter = owingQuarter(periodCode);
        return list(c, catalogue, referenceDir, bureauCode, quarter, periodCode, countUnverified);
    }

    /** Every figure owed as of a quarter, each with its own period: the 催报 list of mart_data_completeness. */
    public static List<RuleResult> findAsOf(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                            String quarter, boolean countUnverified) throws SQLException {
        return list(c, catalogue, referenceDir, bureauCode, quarter, null, countUnverified);
    }

    private static List<RuleResult> list(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                         String quarter, String periodCode, boolean countUnverified) throws SQLException {
        Map<String, IndicatorInfo> indicators = IndicatorInfos.load(c, referenceDir);
        buildOwed(c, referenceDir, quarter, countUnverified);
        Map<String, String> labels = new HashMap<>();
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
                    String period = rs.getString(7);
                    Map<String, String> message = new LinkedHashMap<>();
                    message.put("indicator", rs.getString(2));
                    message.put("indicator_code", indicator);
                    message.put("bureau", rs.getString(4));
                    message.put("town", rs.getString(6));
                    message.put("period", labels.computeIfAbsent(period, p -> periodLabel(c, p)));
                    results.add(RuleResult.missing(rule, catalogue.tierFor(rule, indicator, bureau), indicator,
                            rs.getString(5), period, bureau, MessageTemplate.fill(rule.message(), message)));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS tmp_missing_indicator");
        }
        return results;
    }

    /**
     * Finds the missing figures of one period and stores them as rule results of this job execution, replacing
     * the ones an earlier run stored for the same period (and bureau): the 催报 list is what is missing now.
     */
    public static List<RuleResult> record(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                          String periodCode, Long jobExecutionId) throws SQLException {
        return record(c, catalogue, referenceDir, bureauCode, periodCode, jobExecutionId, true);
    }

    /** {@link #record(Connection, RuleCatalogue, Path, String, String, Long)} with the count-unverified setting. */
    public static List<RuleResult> record(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                          String periodCode, Long jobExecutionId, boolean countUnverified) throws SQLException {
        List<RuleResult> results = find(c, catalogue, referenceDir, bureauCode, periodCode, countUnverified);
        replace(c, List.of(periodCode), bureauCode, results, jobExecutionId);
        return results;
    }

    /**
     * Every figure owed as of the quarter (its quarterly figures and the annual year owed by then), stored
     * in place of the results of those periods: what the nightly records, the same list as mart_data_completeness.
     */
    public static List<RuleResult> recordAsOf(Connection c, RuleCatalogue catalogue, Path referenceDir, String bureauCode,
                                              String quarter, Long jobExecutionId, boolean countUnverified) throws SQLException {
        List<RuleResult> results = findAsOf(c, catalogue, referenceDir, bureauCode, quarter, countUnverified);
        Set<String> periods = new TreeSet<>();
        periods.add(quarter);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT DISTINCT expected_period FROM int_expected_period WHERE quarter_code = '" + quarter
                        + "' AND expected_period IS NOT NULL")) {
            while (rs.next()) {
                periods.add(rs.getString(1));
            }
        }
        replace(c, periods, bureauCode, results, jobExecutionId);
        return results;
    }

    private static void replace(Connection c, Iterable<String> periods, String bureauCode, List<RuleResult> results,
                                Long jobExecutionId) throws SQLException {
        for (String period : periods) {
            Map<String, Object> values = new HashMap<>();
            values.put("bureau_code", bureauCode);
            values.put("period_code", period);
            try (Statement s = c.createStatement()) {
                s.execute(SqlFiles.read("statements/validation/delete_missing_results.sql", values));
            }
        }
        RuleResults.store(c, results, jobExecutionId);
    }

    /** The quarter at which a period's figures are owed: the quarter itself; for a year y, y+1 Q2. */
    static String owingQuarter(String periodCode) {
        String p = periodCode.trim();
        if (QUARTER.matcher(p).matches()) {
            return p;
        }
        if (YEAR.matcher(p).matches()) {
            return (Integer.parseInt(p) + 1) + "Q2";
        }
        throw new IllegalArgumentException("Unknown period " + periodCode + " (dim_period: '2024' or '2024Q2')");
    }

    /** The evaluation's models the owed figures are read from, for the quarter, on this connection. */
    private static void buildOwed(Connection c, Path referenceDir, String quarter, boolean countUnverified)
            throws SQLException {
        periodLabel(c, quarter);
        ReviewStates.createEvaluatedView(c, countUnverified);
        Map<String, Object> values = Map.of("quarter", quarter,
                "attributes_csv", referenceDir.resolve("indicator_attributes.csv").toAbsolutePath().toString());
        for (String model : OWED_MODELS) {
            try (Statement s = c.createStatement()) {
                s.execute(SqlFiles.read(model, values));
            }
        }
    }

    /** The models behind int_figures_owed, in order (the evaluation runs the same files). */
    static final List<String> OWED_MODELS = List.of("intermediate/int_indicator_attribute.sql",
            "intermediate/int_indicator_value_effective.sql", "intermediate/int_expected_period.sql", "intermediate/int_figures_owed.sql");

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
    }

    private static String periodLabel(Connection c, String periodCode) {
        try (PreparedStatement p = c.prepareStatement("SELECT label_zh FROM dim_period WHERE period_code = ?")) {
            p.setString(1, periodCode);
            try (ResultSet rs = p.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("Unknown period " + periodCode + " (dim_period: '2024' or '2024Q2')");
                }
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read dim_period: " + e.getMessage(), e);
        }
    }
}
