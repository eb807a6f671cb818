package com.qiyouxiang.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A second, independent implementation of the evaluation method, written from docs/evaluation-method.md
 * alone (not from the SQL), for city-level indicators with a target every year (§1-§4, §6). All
 * arithmetic is BigDecimal. Used by {@link EvaluationPropertyTest} to check the SQL marts.
 */
final class ReferenceEvaluation {

    static final BigDecimal YELLOW_BAND = new BigDecimal("-0.05");
    static final int FIRST_YEAR = 2022;
    private static final MathContext MC = new MathContext(40, RoundingMode.HALF_EVEN);

    /** A year's target as written: plain value, bound (以上/以下, includes its number), or none ('/'). */
    enum Form { PLAIN, BOUND, NONE }

    record Target(Form form, BigDecimal value) {
        String text(boolean higher) {
            return switch (form) {
                case PLAIN -> value.toPlainString();
                case BOUND -> (higher ? ">" : "<") + value.toPlainString();
                case NONE -> "/";
            };
        }
    }

    /** An indicator: direction, frequency, marks, the 2022 baseline (null = '/'), targets 2023..2027, current values by period. */
    record Indicator(String code, String domain, boolean higher, boolean annual, boolean core, boolean observation,
                     BigDecimal baseline, Map<Integer, Target> targets, Map<String, BigDecimal> values) {
    }

    /** One quarter's row: what the method says. */
    record Row(String quarter, String dataPeriod, BigDecimal value, BigDecimal scheduleTarget, String light,
               BigDecimal score, boolean stale) {
    }

    record Issue(String id, String openedQuarter, String status, String closedQuarter, int quartersOpen) {
    }

    private ReferenceEvaluation() {
    }

    static String quarterCode(int index) {
        return (index / 4) + "Q" + (index % 4 + 1);
    }

    /** Quarter index: year * 4 + (q - 1). */
    static int index(int year, int q) {
        return year * 4 + q - 1;
    }

    /** §2: the schedule target E(y, q), or null when year y has no target. */
    static BigDecimal scheduleTarget(Indicator i, int year, int q) {
        Target t = i.targets().get(year);
        if (t == null || t.form() == Form.NONE) {
            return null;
        }
        BigDecimal p;
        if (year == 2023) {
            p = i.baseline();
        } else {
            Target previous = i.targets().get(year - 1);
            p = previous == null || previous.form() == Form.NONE ? null : previous.value();
        }
        boolean improves = p != null && (i.higher() ? t.value().compareTo(p) > 0 : t.value().compareTo(p) < 0);
        if (t.form() == Form.PLAIN && improves) {
            return p.add(t.value().subtract(p).multiply(BigDecimal.valueOf(q)).divide(BigDecimal.valueOf(4), MC));
        }
        return t.value();
    }

    /** The rows of every quarter from 2023Q1 through {@code last} (a quarter index). */
    static List<Row> evaluate(Indicator i, int last) {
        List<Row> rows = new ArrayList<>();
        for (int qi = index(2023, 1); qi <= last; qi++) {
            int y = qi / 4;
            int q = qi % 4 + 1;
            String dataPeriod = null;
            BigDecimal value = null;
            int dataYear = -1;
            int dataQ = -1;
            if (i.annual()) {
                // a year's value describes the year: it counts from its 4th quarter on
                for (int year = q == 4 ? y : y - 1; year >= 2000 && dataPeriod == null; year--) {
                    if (i.values().containsKey(String.valueOf(year))) {
                        dataPeriod = String.valueOf(year);
                        value = i.values().get(dataPeriod);
                        dataYear = year;
                        dataQ = 4;
                    }
                }
            } else {
                for (int k = qi; k >= index(2000, 1) && dataPeriod == null; k--) {
                    if (i.values().containsKey(quarterCode(k))) {
                        dataPeriod = quarterCode(k);
                        value = i.values().get(dataPeriod);
                        dataYear = k / 4;
                        dataQ = k % 4 + 1;
                    }
                }
            }
            boolean stale;
            if (!i.annual()) {
                stale = !quarterCode(qi).equals(dataPeriod);
            } else {
                int owed = q >= 2 ? y - 1 : y - 2;
                stale = owed >= FIRST_YEAR && (dataPeriod == null || dataYear < owed);
            }
            BigDecimal e = dataPeriod == null ? null : scheduleTarget(i, dataYear, dataQ);
            String light;
            BigDecimal score = null;
            if (i.observation() || value == null || e == null) {
                light = "grey";
            } else {
                boolean met = i.higher() ? value.compareTo(e) >= 0 : value.compareTo(e) <= 0;
                if (met) {
                    light = "green";
                } else if (e.signum() == 0) {
                    light = "red";
                } else {
                    BigDecimal delta = (i.higher() ? value.subtract(e) : e.subtract(value)).divide(e.abs(), MC);
                    light = delta.compareTo(YELLOW_BAND) >= 0 ? "yellow" : "red";
                }
                BigDecimal c;
                if (i.higher()) {
                    c = value.divide(e, MC);
                } else {
                    c = value.signum() == 0 ? BigDecimal.ONE : e.divide(value, MC);
                }
                score = BigDecimal.valueOf(100).multiply(c.min(BigDecimal.ONE)).setScale(2, RoundingMode.HALF_UP);
            }
            rows.add(new Row(quarterCode(qi), dataPeriod, value, e, light, score, stale));
        }
        return rows;
    }

    /** §6: the issues as of the last row. */
    static List<Issue> issues(Indicator i, List<Row> rows) {
        Map<String, String> yearLights = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.dataPeriod() != null) {
                yearLights.put(r.dataPeriod(), r.light());
            }
        }
        List<Issue> issues = new ArrayList<>();
        String openId = null;
        String openQuarter = null;
        int openIndex = -1;
        for (int k = 0; k < rows.size(); k++) {
            Row r = rows.get(k);
            Row previous = k == 0 ? null : rows.get(k - 1);
            if (openId != null) {
                if (r.light().equals("green")) {
                    issues.add(new Issue(openId, openQuarter, "closed", r.quarter(), k - openIndex));
                    openId = null;
                }
                continue;
            }
            boolean opens;
            if (r.light().equals("red")) {
                opens = true;
            } else if (!r.light().equals("yellow")) {
                opens = false;
            } else if (!i.annual()) {
                opens = previous != null && previous.light().equals("yellow");
            } else {
                boolean firstShown = previous == null || !r.dataPeriod().equals(previous.dataPeriod());
                String yearBefore = String.valueOf(Integer.parseInt(r.dataPeriod()) - 1);
                opens = firstShown && "yellow".equals(yearLights.get(yearBefore));
            }
            if (opens) {
                openId = i.code() + "-" + r.quarter();
                openQuarter = r.quarter();
                openIndex = k;
            }
        }
        if (openId != null) {
            issues.add(new Issue(openId, openQuarter, "open", null, rows.size() - openIndex));
        }
        return issues;
    }

    /** §4: a domain's score from its indicators' two-decimal scores, weight 2 for a * core indicator. */
    static BigDecimal domainScore(List<BigDecimal> scores, List<Boolean> core) {
        BigDecimal sum = BigDecimal.ZERO;
        int weights = 0;
        for (int k = 0; k < scores.size(); k++) {
            if (scores.get(k) != null) {
                int w = core.get(k) ? 2 : 1;
                sum = sum.add(scores.get(k).multiply(BigDecimal.valueOf(w)));
                weights += w;
            }
        }
        return weights == 0 ? null : sum.divide(BigDecimal.valueOf(weights), 2, RoundingMode.HALF_UP);
    }
}
