package com.qiyouxiang.validation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.qiyouxiang.warehouse.Observation;

/**
 * The basic checks: a percentage within 0–100, no negative figures, a rate's numerator not above
 * its denominator (强制性), and a jump against the previous period beyond the configured factor
 * (核实性). The rule catalogue (jobs/rules) will take these over.
 */
@Component
public class BasicValueRules implements ValueRules {

    private final ValidationProperties properties;

    public BasicValueRules(ValidationProperties properties) {
        this.properties = properties;
    }

    @Override
    public List<Finding> check(Connection c, List<Candidate> candidates) throws SQLException {
        Map<String, String> units = units(c);
        List<Finding> findings = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Observation o = candidate.observation();
            Double v = o.value();
            if (v == null) {
                continue;
            }
            String unit = units.getOrDefault(o.indicatorCode(), "");
            if (unit.equals("%") && (v < 0 || v > 100)) {
                findings.add(new Finding(candidate, "R-RANGE-PCT", Tier.MANDATORY, "OUT_OF_RANGE",
                        "百分比应在 0 到 100 之间，实际为 " + fmt(v)));
            } else if (v < 0) {
                findings.add(new Finding(candidate, "R-SIGN", Tier.MANDATORY, "NEGATIVE",
                        "该指标不能为负数，实际为 " + fmt(v)));
            }
            if (o.numerator() != null && o.denominator() != null && o.numerator() > o.denominator()
                    && "%".equals(unit)) {
                findings.add(new Finding(candidate, "R-RATIO", Tier.MANDATORY, "NUMERATOR_ABOVE_DENOMINATOR",
                        "分子 " + fmt(o.numerator()) + " 大于分母 " + fmt(o.denominator())));
            }
            Double previous = previous(c, o);
            if (previous != null && previous > 0 && v > 0) {
                double ratio = v / previous;
                if (ratio > properties.jumpFactor() || ratio < 1 / properties.jumpFactor()) {
                    findings.add(new Finding(candidate, "R-JUMP", Tier.VERIFY, "SUSPICIOUS_JUMP",
                            "与上期 " + fmt(previous) + " 相比变化为 " + fmt(ratio) + " 倍，超过 "
                                    + fmt(properties.jumpFactor()) + " 倍，请核实"));
                }
            }
        }
        return findings;
    }

    private static Map<String, String> units(Connection c) throws SQLException {
        Map<String, String> units = new HashMap<>();
        try (PreparedStatement p = c.prepareStatement("SELECT indicator_code, coalesce(unit, '') FROM dim_indicator WHERE is_current");
             ResultSet rs = p.executeQuery()) {
            while (rs.next()) {
                units.put(rs.getString(1), rs.getString(2));
            }
        }
        return units;
    }

    /** The current value of the same indicator and town in the latest earlier period of the same kind. */
    private static Double previous(Connection c, Observation o) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("""
                SELECT f.value FROM fct_indicator_value f
                JOIN dim_period p ON p.period_code = f.period_code
                JOIN dim_period q ON q.period_code = ?
                WHERE f.is_current AND f.indicator_code = ? AND f.town_code = ?
                  AND p.period_type = q.period_type AND p.end_date < q.start_date
                ORDER BY p.end_date DESC LIMIT 1""")) {
            p.setString(1, o.periodCode());
            p.setString(2, o.indicatorCode());
            p.setString(3, o.townCode());
            try (ResultSet rs = p.executeQuery()) {
                return rs.next() ? (Double) rs.getObject(1) : null;
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? String.valueOf((long) d) : String.format("%.4g", d);
    }
}
