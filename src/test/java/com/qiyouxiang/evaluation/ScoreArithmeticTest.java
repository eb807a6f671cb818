package com.qiyouxiang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Domain and overall scores are means of two-decimal scores, rounded to two decimals. They must come
 * out the same whatever order DuckDB reads the rows in (a sum of doubles does not: 100 + 98.85 + 99.94
 * + 99.01 + 99.93 + 88.14 is 585.87 in one order and 585.8699999999999 in another, and the mean
 * 97.645 rounds to 97.65 or 97.64 — seen between two nightly runs of the samples), and a mean that is
 * exactly half a cent rounds up, as by hand.
 */
class ScoreArithmeticTest {

    static final String QUARTER = "2023Q1";
    static final List<String> DOMAIN_SCORES = List.of("100.00", "98.85", "99.94", "99.01", "99.93", "88.14");

    @TempDir
    Path dir;

    @Test
    void theOverallScoreIsTheSameInEveryOrderOfTheDomainScores() throws Exception {
        try (Warehouse w = new Warehouse(dir.resolve("w.duckdb")); Connection c = w.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false); // nothing here needs to reach the file
            Map<String, Integer> results = new TreeMap<>();
            for (List<String> order : orders(DOMAIN_SCORES)) {
                s.execute("DELETE FROM mart_domain_quarter");
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < order.size(); i++) {
                    rows.add("('%s', 2023, 1, 'D%d', '领域%d', %d, 1, 1, 1, 0, 0, 0, 1.0, %s, now())"
                            .formatted(QUARTER, i, i, i, order.get(i)));
                }
                s.execute("INSERT INTO mart_domain_quarter (quarter_code, year, quarter, domain_code, domain_name, sort_order, "
                        + "indicators, scored_indicators, green, yellow, red, grey, share_green, domain_score, evaluated_at) VALUES "
                        + String.join(", ", rows));
                s.execute(SqlFiles.read("marts/mart_overall_quarter.sql", Map.of("quarter", QUARTER)));
                results.merge(single(s, "SELECT overall_score FROM mart_overall_quarter"), 1, Integer::sum);
            }
            // 585.87 / 6 = 97.645 exactly: half a cent, rounded up, in every order
            assertThat(results).isEqualTo(Map.of("97.65", 12));
        }
    }

    @Test
    void theDomainScoreIsTheSameInEveryOrderAndRoundsHalfACentUp() throws Exception {
        try (Warehouse w = new Warehouse(dir.resolve("w.duckdb")); Connection c = w.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("INSERT INTO dim_domain VALUES ('LYSD', '幼有善育', 1, 'WJ')");
            Map<String, Object> values = Map.of("quarter", QUARTER, "core_weight", 2);
            Map<String, Integer> results = new TreeMap<>();
            for (List<String> order : orders(DOMAIN_SCORES)) {
                indicatorScores(s, order, false);
                s.execute(SqlFiles.read("marts/mart_domain_quarter.sql", values));
                results.merge(single(s, "SELECT domain_score FROM mart_domain_quarter"), 1, Integer::sum);
            }
            assertThat(results).isEqualTo(Map.of("97.65", 12));

            // (1.00 + 1.01) / 2 = 1.005: half a cent, rounded up (as a double, 1.005 is 1.00499999999999989...)
            indicatorScores(s, List.of("1.00", "1.01"), false);
            s.execute(SqlFiles.read("marts/mart_domain_quarter.sql", values));
            assertThat(single(s, "SELECT domain_score FROM mart_domain_quarter")).isEqualTo("1.01");
            // weighted: core 90.01 x 2 + 90.00 = 270.02 / 3 = 90.00666... -> 90.01
            indicatorScores(s, List.of("90.01", "90.00"), true);
            s.execute(SqlFiles.read("marts/mart_domain_quarter.sql", values));
            assertThat(single(s, "SELECT domain_score FROM mart_domain_quarter")).isEqualTo("90.01");
        }
    }

    /** The indicators of one domain with these scores, in this order; with firstIsCore, the first is a * core indicator. */
    static void indicatorScores(Statement s, List<String> scores, boolean firstIsCore) throws Exception {
        String rows = IntStream.range(0, scores.size())
                .mapToObj(i -> "('%s', 2023, 1, 'LYSD', CAST(%s AS DOUBLE), %s, 'green', true)".formatted(QUARTER, scores.get(i), firstIsCore && i == 0))
                .collect(Collectors.joining(", "));
        s.execute("CREATE OR REPLACE TEMP TABLE int_indicator_quarter AS SELECT * FROM (VALUES " + rows
                + ") v(quarter_code, year, quarter, domain_code, score, is_core, light, is_closed)");
    }

    static String single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).isTrue();
            String value = rs.getString(1);
            assertThat(rs.next()).as("one row").isFalse();
            return value;
        }
    }

    /**
     * The items in each rotation, forwards and backwards: 12 orders of the six scores, two of which a
     * double sum gets wrong (99.01, 99.93, 88.14, ... and 99.01, 99.94, 98.85, ...: 97.64).
     */
    static List<List<String>> orders(List<String> items) {
        List<List<String>> all = new ArrayList<>();
        List<String> backwards = new ArrayList<>(items);
        Collections.reverse(backwards);
        for (List<String> direction : List.of(items, backwards)) {
            for (int start = 0; start < items.size(); start++) {
                List<String> order = new ArrayList<>(direction.subList(start, items.size()));
                order.addAll(direction.subList(0, start));
                all.add(order);
            }
        }
        return all;
    }
}
