package com.qiyouxiang.intake.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.qiyouxiang.validation.Candidate;
import com.qiyouxiang.validation.Finding;
import com.qiyouxiang.validation.ReviewStates;
import com.qiyouxiang.validation.RuleResults;
import com.qiyouxiang.validation.Tier;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.FiniteNumbers;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The indicators derived from the record-level lists, one SQL file each under sql/indicators/, on the
 * intermediate views they share (sql/intermediate/: the latest export of each list, the population
 * figures they divide by): each fills stg_fact (with numerator and denominator), the figures pass
 * {@link ValueRules} like reported ones (强制性 findings keep the figure out, the others are listed),
 * and FactWriter merges them with source_kind 'derived' and revisions. Derived from all the records in
 * the warehouse each run: a revised export changes the figures of its periods (a new revision),
 * unchanged figures stay as they are.
 */
public class DerivedIndicators {

    public static final String SOURCE_KIND = "derived";

    /** The intermediate views the indicator files read (temporary, this connection only). */
    public static final List<String> INTERMEDIATE = List.of(
            "intermediate/int_childcare_institution_latest.sql",
            "intermediate/int_care_worker_latest.sql",
            "intermediate/int_dibao_recipient_latest.sql",
            "intermediate/int_town_population.sql");

    /**
     * In dependency order (the comparison view after them). "sql/" + file is stored as the facts'
     * source_file and the rule results' file_name: keep these paths, or the warehouses already made
     * and a fresh run would name the same figures differently.
     */
    public static final List<String> FILES = List.of(
            "indicators/h01_childcare_places_per_1000.sql",
            "indicators/h02_puhui_places_share.sql",
            "indicators/h13_certified_caregivers_per_10000_elderly.sql",
            "indicators/c04_dibao_recipients.sql",
            "indicators/c05_dibao_standard_paid.sql");

    public static final String COMPARISON_VIEW = "indicators/v_reported_vs_derived.sql";

    private final ValueRules valueRules;

    public DerivedIndicators(ValueRules valueRules) {
        this.valueRules = valueRules;
    }

    /** @return summary lines: per indicator, figures derived and changed; findings */
    public List<String> derive(Connection c, Long jobExecutionId) throws SQLException {
        List<String> lines = new ArrayList<>();
        for (String model : INTERMEDIATE) {
            Warehouse.runScript(c, model);
        }
        for (String file : FILES) {
            Warehouse.runScript(c, "statements/facts/stg_fact.sql");
            Warehouse.runScript(c, file);
            keepLineage(c, file);
            List<Candidate> candidates = staged(c, file);
            if (candidates.isEmpty()) {
                lines.add(file + ": no records to derive from");
                continue;
            }
            String indicator = candidates.get(0).observation().indicatorCode();
            String bureau = bureauOf(c, indicator);
            int refused = 0;
            for (Candidate k : List.copyOf(candidates)) {
                Observation o = k.observation();
                if (!finite(o.value()) || !finite(o.numerator()) || !finite(o.denominator())) {
                    lines.add(indicator + " " + o.townCode() + " " + o.periodCode() + " 强制性: 推导结果" + FiniteNumbers.problemZh());
                    refused += drop(c, o);
                    candidates.remove(k);
                }
            }
            List<Finding> checked = valueRules.check(c, newOrChanged(c, candidates));
            RuleResults.record(c, checked, jobExecutionId);
            for (Finding f : checked) {
                Observation o = f.candidate().observation();
                lines.add(indicator + " " + o.townCode() + " " + o.periodCode() + " " + f.tier().zh() + ": " + f.messageZh());
                if (f.tier() == Tier.MANDATORY) {
                    refused += drop(c, o);
                }
            }
            List<FactWriter.Change> changes = FactWriter.merge(c, SOURCE_KIND, bureau, null, "sql/" + file, jobExecutionId);
            ReviewStates.apply(c, 0);
            long revised = changes.stream().filter(ch -> ch.oldValue() != null).count();
            lines.add(String.format("%s: %d figures derived, %d new, %d revised%s", indicator, candidates.size(),
                    changes.size() - revised, revised, refused > 0 ? ", " + refused + " refused (强制性)" : ""));
        }
        lines.addAll(com.qiyouxiang.validation.CrossSourceReview.judgeReported(c, valueRules, jobExecutionId));
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read(COMPARISON_VIEW));
        }
        return lines;
    }

    /** The query and the records each derived figure came from (sql/statements/facts/derived_lineage.sql). */
    private static void keepLineage(Connection c, String file) throws SQLException {
        String sql = SqlFiles.read(file);
        // the query reads a list directly (rec_<list>) or through its latest-export view (int_<list>_latest)
        String table = java.util.stream.Stream.of("childcare_institution", "care_worker", "dibao_recipient")
                .filter(list -> sql.contains("rec_" + list) || sql.contains("int_" + list + "_latest"))
                .map(list -> "rec_" + list).findFirst().orElse(null);
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/facts/derived_lineage.sql", java.util.Map.of("query_file", "sql/" + file,
                    "records_table", table == null ? "" : table)));
        }
    }

    private static List<Candidate> staged(Connection c, String file) throws SQLException {
        List<Candidate> candidates = new ArrayList<>();
        Candidate.Source source = new Candidate.Source(SOURCE_KIND, null, 0, "sql/" + file);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT indicator_code, town_code, period_code, value, numerator, denominator FROM stg_fact ORDER BY ALL")) {
            while (rs.next()) {
                Observation o = new Observation(rs.getString(1), rs.getString(2), rs.getString(3), (Double) rs.getObject(4),
                        (Double) rs.getObject(5), (Double) rs.getObject(6), "A");
                candidates.add(new Candidate(o, source, null, null, "sql/" + file, String.valueOf(o.value()), null,
                        o.townCode().length() == 6));
            }
        }
        return candidates;
    }

    /** The figures that differ from the current derived facts: unchanged ones passed the checks when they first loaded. */
    private static List<Candidate> newOrChanged(Connection c, List<Candidate> candidates) throws SQLException {
        java.util.Set<String> changed = new java.util.HashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT s.indicator_code || '|' || s.town_code || '|' || s.period_code FROM stg_fact s
                LEFT JOIN fct_indicator_value f ON f.is_current AND f.source_kind = 'derived'
                     AND f.indicator_code = s.indicator_code AND f.town_code = s.town_code AND f.period_code = s.period_code
                WHERE f.value_id IS NULL OR f.value IS DISTINCT FROM s.value
                   OR f.numerator IS DISTINCT FROM s.numerator OR f.denominator IS DISTINCT FROM s.denominator""")) {
            while (rs.next()) {
                changed.add(rs.getString(1));
            }
        }
        return candidates.stream().filter(k -> changed.contains(k.observation().indicatorCode() + "|"
                + k.observation().townCode() + "|" + k.observation().periodCode())).toList();
    }

    private static boolean finite(Double value) {
        return value == null || FiniteNumbers.ok(value);
    }

    private static int drop(Connection c, Observation o) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "DELETE FROM stg_fact WHERE indicator_code = ? AND town_code = ? AND period_code = ?")) {
            p.setString(1, o.indicatorCode());
            p.setString(2, o.townCode());
            p.setString(3, o.periodCode());
            return p.executeUpdate();
        }
    }

    private static String bureauOf(Connection c, String indicator) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(
                "SELECT bureau_code FROM dim_indicator WHERE indicator_code = ? AND is_current")) {
            p.setString(1, indicator);
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
