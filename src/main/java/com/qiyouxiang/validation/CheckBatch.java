package com.qiyouxiang.validation;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.duckdb.DuckDBAppender;

import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * One file's candidates with everything their rules compare with: the indicators' attributes, the
 * warehouse history of each candidate (one query for the whole file), the other figures of the
 * same file, and the names used in messages. Builds the findings (tier overrides, message filled).
 */
final class CheckBatch {

    private final List<Candidate> candidates;
    private final List<History> histories;
    private final Map<String, IndicatorInfo> indicators;
    private final Map<String, String> townNames;
    private final Map<String, String> periodLabels;
    private final Map<String, String> bureauNames;
    private final Map<String, Double> fileValues = new HashMap<>();
    private final RuleCatalogue catalogue;

    private CheckBatch(List<Candidate> candidates, List<History> histories, Map<String, IndicatorInfo> indicators,
                       Map<String, String> townNames, Map<String, String> periodLabels, Map<String, String> bureauNames,
                       RuleCatalogue catalogue) {
        this.candidates = candidates;
        this.histories = histories;
        this.indicators = indicators;
        this.townNames = townNames;
        this.periodLabels = periodLabels;
        this.bureauNames = bureauNames;
        this.catalogue = catalogue;
        for (Candidate c : candidates) {
            Observation o = c.observation();
            if (o.value() != null) {
                fileValues.putIfAbsent(key(o.indicatorCode(), o.townCode(), o.periodCode(), c.source().kind()), o.value());
            }
        }
    }

    static CheckBatch load(Connection c, List<Candidate> candidates, RuleCatalogue catalogue, Path referenceDir)
            throws SQLException {
        return new CheckBatch(candidates, histories(c, candidates), IndicatorInfos.load(c, referenceDir),
                Warehouse.lookup(c, "SELECT town_code, town_name FROM dim_town"),
                Warehouse.lookup(c, "SELECT period_code, label_zh FROM dim_period"),
                Warehouse.lookup(c, "SELECT bureau_code, short_name FROM dim_bureau"), catalogue);
    }

    List<Candidate> candidates() {
        return candidates;
    }

    History history(int index) {
        return histories.get(index);
    }

    /** Null when the indicator is not in the catalog (the ingest rejects such figures itself). */
    IndicatorInfo indicator(Candidate c) {
        return indicators.get(c.observation().indicatorCode());
    }

    boolean applies(Rule rule, Candidate c) {
        IndicatorInfo info = indicator(c);
        return info != null && c.observation().value() != null
                && rule.appliesTo().matches(info, c.source().bureauCode(), c.source().kind());
    }

    /** The same indicator, town and source for another period, as written in this same file. */
    Double inFile(Candidate c, String periodCode) {
        Observation o = c.observation();
        return periodCode == null ? null : fileValues.get(key(o.indicatorCode(), o.townCode(), periodCode, c.source().kind()));
    }

    String periodLabel(String periodCode) {
        return periodLabels.getOrDefault(periodCode, periodCode);
    }

    String townName(String townCode) {
        return townNames.getOrDefault(townCode, townCode);
    }

    String bureauName(String bureauCode) {
        return bureauNames.getOrDefault(bureauCode, bureauCode);
    }

    Tier tierFor(Rule rule, String indicatorCode, String bureauCode) {
        return catalogue.tierFor(rule, indicatorCode, bureauCode);
    }

    /**
     * A failed (or not comparable) check of a candidate. The message gets the standard placeholders
     * (indicator, indicator_code, town, period, bureau, value, compared, compared_with, tolerance)
     * and the kind's own values.
     */
    Finding finding(Rule rule, Candidate c, String reasonCode, Outcome outcome, Double compared, String comparedWith,
                    Map<String, String> values) {
        Observation o = c.observation();
        boolean notComparable = outcome == Outcome.NOT_COMPARABLE;
        Tier tier = notComparable ? Tier.HINT : tierFor(rule, o.indicatorCode(), c.source().bureauCode());
        Map<String, String> all = new LinkedHashMap<>();
        IndicatorInfo info = indicator(c);
        all.put("indicator", info == null ? o.indicatorCode() : info.name());
        all.put("indicator_code", o.indicatorCode());
        all.put("town", townName(o.townCode()));
        all.put("period", periodLabel(o.periodCode()));
        all.put("bureau", bureauName(c.source().bureauCode()));
        all.put("value", Numbers.format(o.value()));
        all.put("compared", Numbers.format(compared));
        all.put("compared_with", comparedWith == null ? "" : comparedWith);
        all.put("tolerance", rule.tolerance().describe());
        all.putAll(values);
        String message = MessageTemplate.fill(notComparable ? rule.messageNotComparable() : rule.message(), all);
        String code = !notComparable && rule.reasonCode() != null ? rule.reasonCode() : reasonCode;
        return new Finding(c, rule.id(), tier, code, message, rule.version(), rule.kind(), outcome, compared,
                comparedWith);
    }

    private static String key(String indicator, String town, String period, String source) {
        return indicator + '|' + town + '|' + period + '|' + source;
    }

    private static List<History> histories(Connection c, List<Candidate> candidates) throws SQLException {
        Warehouse.runScript(c, "statements/validation/tmp_rule_candidate.sql");
        try (DuckDBAppender a = Warehouse.appender(c, "tmp_rule_candidate")) {
            for (int i = 0; i < candidates.size(); i++) {
                Candidate cand = candidates.get(i);
                Observation o = cand.observation();
                String period = o.periodCode();
                a.beginRow().append(i).append(o.indicatorCode()).append(o.townCode()).append(period)
                        .append(cand.source().kind()).append(cand.source().fileId())
                        .append(Periods.valid(period) ? Periods.year(period) : 0)
                        .append(Periods.quarter(period)).append(Periods.previousQuarter(period))
                        .append(Periods.samePeriodLastYear(period)).endRow();
            }
        }
        List<History> histories = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read("statements/validation/candidate_history.sql"))) {
            while (rs.next()) {
                histories.add(new History((Double) rs.getObject(2), (Double) rs.getObject(3), (Double) rs.getObject(4),
                        rs.getString(5), (Double) rs.getObject(6), rs.getString(7), (Double) rs.getObject(8)));
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE tmp_rule_candidate");
        }
        if (histories.size() != candidates.size()) {
            throw new IllegalStateException("candidate_history.sql returned " + histories.size() + " rows for "
                    + candidates.size() + " candidates");
        }
        return histories;
    }

}
