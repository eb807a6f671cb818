package com.qiyouxiang.evaluation;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.qiyouxiang.validation.ReviewStates;
import com.qiyouxiang.warehouse.SqlFiles;

/**
 * Computes the evaluation marts for one quarter by running the SQL models in order: the view of the
 * facts that count (sql/intermediate/fct_indicator_value_evaluated.sql, by {@link ReviewStates}), the
 * intermediate models under sql/intermediate/ (temporary, this connection only), then each mart under
 * sql/marts/, which replaces its rows for the quarter.
 */
public class QuarterEvaluator {

    /** In dependency order (paths under sql/): int_ models first, then the marts (issues before the marts that count them). */
    static final List<String> MODELS = List.of(
            "intermediate/int_indicator_attribute.sql", "intermediate/int_indicator_value_effective.sql",
            "intermediate/int_city_value.sql", "intermediate/int_schedule_target.sql",
            "intermediate/int_expected_period.sql", "intermediate/int_indicator_quarter.sql",
            "intermediate/int_figures_owed.sql",
            "marts/mart_indicator_quarter.sql", "marts/mart_issue.sql", "marts/mart_domain_quarter.sql",
            "marts/mart_overall_quarter.sql", "marts/mart_annual_evaluation.sql", "marts/mart_town_comparison.sql",
            "marts/mart_bureau_quarter.sql", "marts/mart_data_completeness.sql");

    private final EvaluationProperties properties;
    private final Path attributesCsv;
    private final boolean countUnverified;

    /** @param countUnverified whether figures still 待核实 count (qyx.validation.count-unverified) */
    public QuarterEvaluator(EvaluationProperties properties, Path referenceDir, boolean countUnverified) {
        this.properties = properties;
        this.countUnverified = countUnverified;
        this.attributesCsv = referenceDir.resolve(properties.attributesFile()).toAbsolutePath();
    }

    /** Builds every mart for the quarter as of today; see {@link #evaluate(Connection, Quarter, LocalDate)}. */
    public List<String> evaluate(Connection c, Quarter quarter) throws SQLException {
        return evaluate(c, quarter, LocalDate.now());
    }

    /**
     * Builds every mart for the quarter on {@code c} (the caller owns the transaction); returns summary lines.
     * {@code today} decides which quarters have closed (rows of the quarter under way are marked not closed,
     * a year is evaluated only once its 4th quarter has closed).
     */
    public List<String> evaluate(Connection c, Quarter quarter, LocalDate today) throws SQLException {
        Map<String, Object> values = Map.of(
                "quarter", quarter.code(),
                "today", today.toString(),
                "yellow_band", properties.yellowBand(),
                "core_weight", properties.coreWeight(),
                "deadline_days", properties.submissionDeadlineDays(),
                "annual_submission_offset", properties.annualSubmissionOffset(),
                "attributes_csv", attributesCsv.toString());
        ReviewStates.createEvaluatedView(c, countUnverified);
        for (String model : MODELS) {
            try (Statement s = c.createStatement()) {
                s.execute(SqlFiles.read(model, values));
            } catch (SQLException e) {
                throw new SQLException("sql/" + model + " failed: " + e.getMessage(), e);
            }
        }
        return summary(c, quarter);
    }

    private static List<String> summary(Connection c, Quarter quarter) throws SQLException {
        List<String> lines = new ArrayList<>();
        String q = quarter.code();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*), count(*) FILTER (WHERE light = 'green'), count(*) FILTER (WHERE light = 'yellow'),
                       count(*) FILTER (WHERE light = 'red'), count(*) FILTER (WHERE light = 'grey'),
                       count(*) FILTER (WHERE is_stale)
                FROM mart_indicator_quarter WHERE quarter_code = '%s'""".formatted(q))) {
            rs.next();
            lines.add("%s: %d indicators evaluated: %d green, %d yellow, %d red, %d grey; %d stale".formatted(q,
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT overall_score, share_green, scored_domains FROM mart_overall_quarter WHERE quarter_code = '%s'"""
                .formatted(q))) {
            if (rs.next()) {
                lines.add("overall score %s over %d domains, share green %s".formatted(rs.getObject(1), rs.getInt(3),
                        rs.getObject(2) == null ? "-" : String.format("%.1f%%", rs.getDouble(2) * 100)));
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT count(*) FILTER (WHERE status = 'open'), count(*) FILTER (WHERE is_new),
                       count(*) FILTER (WHERE closed_quarter = as_of_quarter)
                FROM mart_issue WHERE as_of_quarter = '%s'""".formatted(q))) {
            rs.next();
            lines.add("issues: %d open (%d new), %d closed this quarter".formatted(rs.getLong(1), rs.getLong(2), rs.getLong(3)));
        }
        for (String table : List.of("mart_town_comparison", "mart_bureau_quarter", "mart_data_completeness")) {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table + " WHERE quarter_code = '" + q + "'")) {
                rs.next();
                lines.add(table + ": " + rs.getLong(1) + " rows");
            }
        }
        return lines;
    }
}
