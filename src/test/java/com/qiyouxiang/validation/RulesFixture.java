package com.qiyouxiang.validation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.catalog.CatalogLoader;
import com.qiyouxiang.catalog.CatalogProperties;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.SchemaMigrator;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * A real DuckDB warehouse in a temporary folder with the schema and the bundled reference data
 * (bureaus, towns, the indicator catalog), for the rule tests; facts and results are emptied by {@link #reset}.
 */
final class RulesFixture implements AutoCloseable {

    static final Path REFERENCE = Path.of("samples/reference");
    static final Path RULES = Path.of("jobs/rules");
    static final String CITY = "330681";
    static final String JIYANG = "330681001";
    static final String HUANDONG = "330681002";

    final Path dir;
    final Warehouse warehouse;
    final Connection c;
    final JdbcTemplate jdbc;

    /** A warehouse with schema and reference data, built once per test JVM and copied for each fixture. */
    private static Path template;

    private RulesFixture(Path dir) throws Exception {
        this.dir = dir;
        this.warehouse = new Warehouse(dir.resolve("warehouse.duckdb"));
        this.c = warehouse.connect();
        this.jdbc = warehouse.jdbc();
    }

    private static synchronized Path template() throws Exception {
        if (template == null) {
            Path file = Files.createTempDirectory("qyx-rules-template-").resolve("warehouse.duckdb");
            try (Warehouse w = new Warehouse(file); Connection c = w.connect()) {
                loadReference(c);
            }
            template = file;
        }
        return template;
    }

    private static void loadReference(Connection c) throws Exception {
        SchemaMigrator.migrate(c);
        Map<String, Object> files = Map.of(
                "bureaus_csv", REFERENCE.resolve("bureaus.csv").toString(),
                "domains_csv", REFERENCE.resolve("domains.csv").toString(),
                "towns_csv", REFERENCE.resolve("towns.csv").toString());
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("reference/dim_bureau.sql", files));
            s.execute(SqlFiles.read("reference/dim_domain.sql", files));
            s.execute(SqlFiles.read("reference/dim_town.sql", files));
        }
        new CatalogLoader(REFERENCE, new CatalogProperties("七优享指标目录.xlsx", 2022)).load(c, 2024, null);
    }

    static RulesFixture open() throws Exception {
        Path dir = Files.createTempDirectory("qyx-rules-");
        Files.copy(template(), dir.resolve("warehouse.duckdb"));
        return new RulesFixture(dir);
    }

    CatalogueValueRules rules() {
        return rules(RULES, true);
    }

    CatalogueValueRules rules(Path rulesDir, boolean countUnverified) {
        return new CatalogueValueRules(new ValidationProperties(rulesDir, countUnverified, dir.resolve("情况说明")),
                new WarehouseProperties(warehouse.path(), REFERENCE));
    }

    /** Empties facts, results, explanations and file bookkeeping. */
    void reset() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("""
                    DELETE FROM fct_indicator_value; DELETE FROM fct_rule_result; DELETE FROM etl_explanation;
                    DELETE FROM etl_reject; DELETE FROM etl_file""");
        }
    }

    /** Loads facts as if from file {@code fileId} ({@code fileName}) of a source. */
    void facts(String sourceKind, long fileId, String fileName, Observation... observations) throws SQLException {
        FactWriter.write(c, List.of(observations), sourceKind, null, fileId, fileName, 1L);
    }

    /**
     * What an ingest does with one file's candidates (the wiring the lead adds to the ingests): check,
     * reject the 强制性 ones, write the rest as facts, store every result, set the review states.
     *
     * @return the findings
     */
    List<Finding> ingest(ValueRules rules, long fileId, String fileName, List<Candidate> candidates) throws SQLException {
        List<Finding> findings = rules.check(c, candidates);
        java.util.Set<Candidate> rejected = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        findings.stream().filter(f -> f.tier() == Tier.MANDATORY).forEach(f -> rejected.add(f.candidate()));
        List<Observation> loaded = candidates.stream().filter(k -> !rejected.contains(k)).map(Candidate::observation).toList();
        FactWriter.write(c, loaded, candidates.get(0).source().kind(), candidates.get(0).source().bureauCode(), fileId, fileName, 1L);
        RuleResults.record(c, findings, 1L);
        ReviewStates.apply(c, fileId);
        return findings;
    }

    static Observation obs(String indicator, String town, String period, double value) {
        return Observation.of(indicator, town, period, value);
    }

    static Observation rate(String indicator, String town, String period, double value, double numerator, double denominator) {
        return new Observation(indicator, town, period, value, numerator, denominator, "A");
    }

    static Candidate sheet(Observation o) {
        return candidate(o, "spreadsheet", 10L, null, false);
    }

    static Candidate candidate(Observation o, String sourceKind, long fileId, String remark, boolean cityTotal) {
        return new Candidate(o, new Candidate.Source(sourceKind, bureau(o.indicatorCode()), fileId, "报表" + fileId + ".xlsx"),
                "Sheet1", 7L, "Sheet1!D7", String.valueOf(o.value()), remark, cityTotal);
    }

    /** A spreadsheet figure of file {@code fileId}, with the row's 备注 (or null). */
    static Candidate row(long fileId, Observation o, String remark) {
        return candidate(o, "spreadsheet", fileId, remark, false);
    }

    static Candidate total(Observation o) {
        return candidate(o, "spreadsheet", 10L, null, true);
    }

    static String bureau(String indicator) {
        return switch (indicator) {
            case "H02", "H03" -> "WJ";
            case "H07", "H08", "H09", "H14" -> "RS";
            case "C01", "C02", "C03" -> "TJ";
            default -> "JS";
        };
    }

    /** The findings as 'ruleId tier outcome' strings, in order. */
    static List<String> brief(List<Finding> findings) {
        List<String> out = new ArrayList<>();
        for (Finding f : findings) {
            out.add(f.ruleId() + " " + f.tier().zh() + (f.outcome() == Outcome.NOT_COMPARABLE ? " 不可比" : ""));
        }
        return out;
    }

    static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Override
    public void close() throws Exception {
        c.close();
        warehouse.close();
    }
}
