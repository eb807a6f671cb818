package com.qiyouxiang.catalog;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.duckdb.DuckDBAppender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.catalog.CatalogWorkbookReader.Entry;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Loads the indicator catalog into dim_indicator (SCD 2) and fct_indicator_target: the 21 headline
 * indicators from the catalog workbook (the plan's table), their attributes the table does not
 * carry (direction, frequency, aggregation) from indicator_attributes.csv, the plan text's wording
 * from headline_text_notes.csv, and the task indicators of section 二 from task_indicators.csv.
 * A bad cell rejects its row into etl_reject with its cell reference; the rest loads.
 */
public class CatalogLoader {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    public record Outcome(long fileId, boolean newFile, int headline, int task, int context, int targets, RowCounts counts,
                          List<Reject> rejects) {
    }

    private record Attributes(String code, String direction, String frequency, String aggregation) {
    }

    private record Staged(String code, String name, String unit, String domainCode, String bureauCode, String kind,
                          Integer seqNo, String planMark, boolean core, boolean observation, String direction,
                          String frequency, String aggregation, String note) {
    }

    private record StagedTarget(String code, int year, Target target, String baselineText, BigDecimal baseline,
                                String source) {
    }

    private final Path referenceDir;
    private final CatalogProperties properties;

    public CatalogLoader(Path referenceDir, CatalogProperties properties) {
        this.referenceDir = referenceDir;
        this.properties = properties;
    }

    public Outcome load(Connection c, int effectiveYear, Long jobExecutionId) throws IOException, SQLException {
        Path workbook = referenceDir.resolve(properties.workbook());
        if (!Files.isRegularFile(workbook)) {
            throw new IllegalArgumentException("Catalog workbook not found: " + workbook.toAbsolutePath()
                    + " (qyx.reference-dir / qyx.catalog.workbook)");
        }
        Map<String, String> domains = Warehouse.lookup(c, "SELECT domain_name, domain_code FROM dim_domain");
        Map<String, String> aliases = Warehouse.lookup(c, "SELECT alias, bureau_code FROM dim_bureau_alias");
        Map<Integer, Attributes> attributes = readAttributes();
        Map<Integer, String> notes = readNotes();

        CatalogWorkbookReader.Result read = new CatalogWorkbookReader().read(workbook);
        RowCounts counts = read.counts();
        List<Reject> rejects = new ArrayList<>(read.rejects());
        List<Staged> staged = new ArrayList<>();
        List<StagedTarget> targets = new ArrayList<>();
        for (Entry e : read.entries()) {
            List<Reject> rowRejects = new ArrayList<>();
            Attributes a = attributes.get(e.seqNo());
            String domain = domains.get(e.domainName());
            String bureau = aliases.get(e.bureauText().replaceAll("\\s", ""));
            if (a == null) {
                rowRejects.add(new Reject(e.sheet(), (long) e.rowNumber(), null, e.planMark(),
                        "CATALOG_NO_ATTRIBUTES", "序号 " + e.seqNo() + " 在 indicator_attributes.csv 中没有方向、频度和汇总规则"));
            }
            if (domain == null) {
                rowRejects.add(new Reject(e.sheet(), (long) e.rowNumber(), null, e.domainName(), "CATALOG_UNKNOWN_DOMAIN",
                        "领域“" + e.domainName() + "”不是七个领域之一（幼有善育、学有优教、劳有所得、病有良医、老有康养、住有宜居、弱有众扶）"));
            }
            if (bureau == null) {
                rowRejects.add(new Reject(e.sheet(), (long) e.rowNumber(), e.bureauRef(), e.bureauText(), "UNKNOWN_BUREAU",
                        "责任单位“" + e.bureauText() + "”无法识别：请填写部门全称或常用简称（如 卫生健康局、人社局）"));
            }
            String direction = a == null ? "higher" : a.direction();
            Target baseline = parse(e.baselineText(), direction, e.baselineRef(), e, rowRejects, "基础值");
            List<StagedTarget> rowTargets = new ArrayList<>();
            for (Map.Entry<Integer, String> t : e.targetTexts().entrySet()) {
                Target target = parse(t.getValue(), direction, e.targetRefs().get(t.getKey()), e, rowRejects, t.getKey() + "年目标");
                if (target != null && baseline != null && a != null) {
                    rowTargets.add(new StagedTarget(a.code(), t.getKey(), target, baseline.text(), baseline.value(), "plan_table"));
                }
            }
            if (!rowRejects.isEmpty()) {
                rejects.addAll(rowRejects);
                counts.rejected();
                continue;
            }
            counts.loaded();
            staged.add(new Staged(a.code(), e.name(), e.unit(), domain, bureau, "headline", e.seqNo(), e.planMark(),
                    e.core(), e.observation(), a.direction(), a.frequency(), a.aggregation(), notes.get(e.seqNo())));
            targets.addAll(rowTargets);
        }
        int headline = staged.size();
        readTaskIndicators(domains, aliases, staged, targets);
        int withTasks = staged.size();
        readContextIndicators(aliases, staged);
        int context = staged.size() - withTasks;

        String checksum = FileRegistry.sha256(workbook);
        Long known = FileRegistry.findProcessed(c, checksum, "reference");
        long fileId = known != null ? known : FileRegistry.register(c, workbook, checksum, "reference", jobExecutionId);

        Warehouse.runScript(c, "statements/catalog/stg_indicator.sql");
        stage(c, staged, targets);
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/catalog/merge_dim_indicator.sql",
                    Map.of("effective_year", effectiveYear, "first_year", properties.firstYear())));
        }
        if (known == null) {
            FileRegistry.reject(c, fileId, workbook.getFileName().toString(), jobExecutionId, rejects);
            FileRegistry.complete(c, fileId, rejects.isEmpty() ? FileStatus.LOADED : FileStatus.LOADED_WITH_REJECTS, "catalog",
                    null, null, null, counts, headline + " headline indicators");
        }
        log.info("Catalog {}: {} headline + {} task + {} context indicators, {} targets; {}", workbook.getFileName(),
                headline, withTasks - headline, context, targets.size(), counts);
        return new Outcome(fileId, known == null, headline, withTasks - headline, context, targets.size(), counts, rejects);
    }

    private Target parse(String text, String direction, String ref, Entry e, List<Reject> rejects, String what) {
        try {
            return Target.parse(text, direction);
        } catch (IllegalArgumentException bad) {
            rejects.add(new Reject(e.sheet(), (long) e.rowNumber(), ref, text, "CATALOG_BAD_TARGET",
                    what + "：" + bad.getMessage()));
            return null;
        }
    }

    private void readTaskIndicators(Map<String, String> domains, Map<String, String> aliases, List<Staged> staged,
                                    List<StagedTarget> targets) throws IOException {
        for (CSVRecord r : csv("task_indicators.csv")) {
            String where = "task_indicators.csv line " + (r.getRecordNumber() + 1);
            String code = r.get("indicator_code");
            String domain = require(domains.get(r.get("domain")), where, "domain " + r.get("domain"));
            String bureau = require(aliases.get(r.get("bureau")), where, "bureau " + r.get("bureau"));
            String direction = r.get("direction");
            Target target = Target.parse(r.get("target_written"), direction);
            staged.add(new Staged(code, r.get("indicator_name"), r.get("unit"), domain, bureau, "task", null, null,
                    false, false, direction, r.get("frequency"), "city_only", r.get("plan_text")));
            String[] years = r.get("target_years").split("-");
            int from = Integer.parseInt(years[0]);
            int to = Integer.parseInt(years[years.length - 1]);
            for (int y = from; y <= to; y++) {
                targets.add(new StagedTarget(code, y, target, "/", null, "plan_text"));
            }
        }
    }

    /** Context indicators (population by town, ...): denominators and derived figures, never scored. */
    private void readContextIndicators(Map<String, String> aliases, List<Staged> staged) throws IOException {
        for (CSVRecord r : csv("context_indicators.csv")) {
            String where = "context_indicators.csv line " + (r.getRecordNumber() + 1);
            String bureau = require(aliases.get(r.get("bureau")), where, "bureau " + r.get("bureau"));
            staged.add(new Staged(r.get("indicator_code"), r.get("indicator_name"), r.get("unit"), null, bureau, "context",
                    null, null, false, false, r.get("direction"), r.get("frequency"), r.get("aggregation"), r.get("note")));
        }
    }

    private static String require(String value, String where, String what) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": unknown " + what);
        }
        return value;
    }

    private void stage(Connection c, List<Staged> staged, List<StagedTarget> targets) throws SQLException {
        try (DuckDBAppender a = Warehouse.appender(c, "stg_indicator")) {
            for (Staged s : staged) {
                a.beginRow().append(s.code()).append(s.name()).append(s.unit()).append(s.domainCode())
                        .append(s.bureauCode()).append(s.kind()).append(s.seqNo()).append(s.planMark())
                        .append(s.core()).append(s.observation()).append(s.direction()).append(s.frequency())
                        .append(s.aggregation()).append(s.note()).endRow();
            }
        }
        try (DuckDBAppender a = Warehouse.appender(c, "stg_indicator_target")) {
            for (StagedTarget t : targets) {
                a.beginRow().append(t.code()).append(t.year()).append(t.target().text())
                        .append(t.target().comparator()).append(scale4(t.target().value()))
                        .append(t.baselineText()).append(scale4(t.baseline())).append(t.source()).endRow();
            }
        }
    }

    private static BigDecimal scale4(BigDecimal value) {
        return value == null ? null : value.setScale(4);
    }

    private Map<Integer, Attributes> readAttributes() throws IOException {
        Map<Integer, Attributes> attributes = new HashMap<>();
        for (CSVRecord r : csv("indicator_attributes.csv")) {
            attributes.put(Integer.parseInt(r.get("seq_no")), new Attributes(r.get("indicator_code"), r.get("direction"),
                    r.get("frequency"), r.get("aggregation")));
        }
        return attributes;
    }

    private Map<Integer, String> readNotes() throws IOException {
        Map<Integer, String> notes = new HashMap<>();
        for (CSVRecord r : csv("headline_text_notes.csv")) {
            notes.put(Integer.parseInt(r.get("seq_no")), r.get("plan_text"));
        }
        return notes;
    }

    private List<CSVRecord> csv(String name) throws IOException {
        try (Reader in = Files.newBufferedReader(referenceDir.resolve(name), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

}
