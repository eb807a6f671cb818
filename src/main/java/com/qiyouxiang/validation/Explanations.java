package com.qiyouxiang.validation;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.duckdb.DuckDBAppender;

import com.qiyouxiang.validation.ExplanationFileReader.Line;
import com.qiyouxiang.warehouse.FileBudget;
import com.qiyouxiang.warehouse.FileRegistry;
import com.qiyouxiang.warehouse.FileStatus;
import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;
import com.qiyouxiang.warehouse.SqlFiles;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * Loads an explanation file (情况说明, see {@link ExplanationFileReader} for the format) into
 * etl_explanation and explains the matching 核实性 results still 待核实, and their facts. Each row
 * is loaded, rejected with a reason (unknown indicator, town, period or rule) or ignored (title,
 * header, blank, or unfilled: a row whose 情况说明 is empty, as in a returned form); the counts reconcile in etl_file (source_kind 'explanation'). A file
 * already loaded (same checksum) is skipped.
 */
public final class Explanations {

    public static final String SOURCE_KIND = "explanation";
    private static final Set<String> CITY = Set.of("", "全市", "市本级", "合计");

    /** @param duplicate true when the same file was loaded before (nothing done) */
    public record Outcome(long fileId, boolean duplicate, int loaded, RowCounts counts, List<Reject> rejects) {
    }

    private record Resolved(String ruleId, String indicator, String town, String period, String text, String reporter,
                            String location) {
    }

    private Explanations() {
    }

    public static Outcome load(Connection c, Path file, RuleCatalogue catalogue, Long jobExecutionId)
            throws IOException, SQLException {
        return load(c, file, null, catalogue, jobExecutionId);
    }

    /** @param read the file's lines as read already (within its budget), or null to read them here */
    public static Outcome load(Connection c, Path file, List<Line> read, RuleCatalogue catalogue, Long jobExecutionId)
            throws IOException, SQLException {
        String checksum = FileRegistry.sha256(file);
        Long known = FileRegistry.findProcessed(c, checksum, SOURCE_KIND);
        if (known != null) {
            return new Outcome(known, true, 0, new RowCounts(), List.of());
        }
        long fileId = FileRegistry.register(c, file, checksum, SOURCE_KIND, jobExecutionId);
        Names names = Names.load(c);
        Set<String> ruleIds = catalogue.rules().stream().map(Rule::id).collect(Collectors.toSet());
        RowCounts counts = new RowCounts();
        List<Reject> rejects = new ArrayList<>();
        List<Resolved> rows = new ArrayList<>();
        for (Line line : read != null ? read : ExplanationFileReader.read(file, FileBudget.unlimited(file.getFileName().toString()))) {
            counts.read();
            if (!line.kind().equals("data")) {
                counts.ignored(line.kind());
                continue;
            }
            Map<String, String> f = line.fields();
            String rule = f.getOrDefault(ExplanationFileReader.RULE, "");
            String indicator = names.indicators.get(f.get(ExplanationFileReader.INDICATOR));
            String town = names.towns.get(f.get(ExplanationFileReader.TOWN));
            String period = names.periods.get(f.get(ExplanationFileReader.PERIOD).toUpperCase(java.util.Locale.ROOT));
            String text = f.get(ExplanationFileReader.TEXT);
            if (text.isEmpty()) {
                // a row of a returned 情况说明 form the bureau left empty: that figure stays 待核实
                counts.ignored("unfilled");
                continue;
            }
            Reject reject = null;
            if (!rule.isEmpty() && !ruleIds.contains(rule)) {
                reject = reject(line, rule, "EXPLANATION_UNKNOWN_RULE", "规则编号“" + rule + "”不存在：请按反馈表中的规则编号填写，或留空");
            } else if (indicator == null) {
                reject = reject(line, f.get(ExplanationFileReader.INDICATOR), "EXPLANATION_UNKNOWN_INDICATOR",
                        "指标“" + f.get(ExplanationFileReader.INDICATOR) + "”无法识别：请填写指标代码（如 H09）或指标全称");
            } else if (town == null) {
                reject = reject(line, f.get(ExplanationFileReader.TOWN), "EXPLANATION_UNKNOWN_TOWN",
                        "镇街“" + f.get(ExplanationFileReader.TOWN) + "”无法识别：请填写镇街全称（如 暨阳街道）或“全市”");
            } else if (period == null) {
                reject = reject(line, f.get(ExplanationFileReader.PERIOD), "EXPLANATION_UNKNOWN_PERIOD",
                        "期别“" + f.get(ExplanationFileReader.PERIOD) + "”无法识别：请填写如 2024Q2、2024年第二季度 或 2024年");
            }
            if (reject != null) {
                rejects.add(reject);
                counts.rejected();
            } else {
                rows.add(new Resolved(rule.isEmpty() ? null : rule, indicator, town, period, text,
                        f.getOrDefault(ExplanationFileReader.REPORTER, ""), line.location()));
                counts.loaded();
            }
        }
        store(c, fileId, file.getFileName().toString(), jobExecutionId, rows);
        FileRegistry.reject(c, fileId, file.getFileName().toString(), jobExecutionId, rejects);
        FileRegistry.complete(c, fileId, rejects.isEmpty() ? FileStatus.LOADED : FileStatus.LOADED_WITH_REJECTS, "explanation", null, null,
                null, counts, rows.size() + " 条情况说明");
        ReviewStates.applyAll(c);
        return new Outcome(fileId, false, rows.size(), counts, rejects);
    }

    private static Reject reject(Line line, String raw, String code, String message) {
        return new Reject(line.sheet(), line.rowNumber(), line.sheet() == null ? null : line.location(), raw, code, message);
    }

    private static void store(Connection c, long fileId, String fileName, Long jobExecutionId, List<Resolved> rows)
            throws SQLException {
        Warehouse.runScript(c, "statements/validation/tmp_explanation.sql");
        try (DuckDBAppender a = Warehouse.appender(c, "tmp_explanation")) {
            for (Resolved r : rows) {
                a.beginRow().append(r.ruleId()).append(r.indicator()).append(r.town()).append(r.period())
                        .append(r.text()).append(r.reporter()).append(r.location()).endRow();
            }
        }
        Map<String, Object> values = new HashMap<>();
        values.put("file_id", fileId);
        values.put("file_name", fileName);
        values.put("job_execution_id", jobExecutionId);
        try (Statement s = c.createStatement()) {
            s.execute(SqlFiles.read("statements/validation/insert_explanations.sql", values));
        }
    }

    /** The names people write for indicators, towns and periods, to their codes. */
    private record Names(Map<String, String> indicators, Map<String, String> towns, Map<String, String> periods) {

        static Names load(Connection c) throws SQLException {
            Map<String, String> indicators = new HashMap<>();
            Map<String, String> towns = new HashMap<>();
            Map<String, String> periods = new HashMap<>();
            try (Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT indicator_code, indicator_name FROM dim_indicator WHERE is_current")) {
                    while (rs.next()) {
                        indicators.put(rs.getString(1), rs.getString(1));
                        indicators.put(rs.getString(2), rs.getString(1));
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT town_code, town_name, short_name, level FROM dim_town")) {
                    while (rs.next()) {
                        for (int i = 1; i <= 3; i++) {
                            towns.put(rs.getString(i), rs.getString(1));
                        }
                        if ("city".equals(rs.getString(4))) {
                            String city = rs.getString(1);
                            CITY.forEach(name -> towns.put(name, city));
                        }
                    }
                }
                try (ResultSet rs = s.executeQuery("SELECT period_code, label_zh FROM dim_period")) {
                    while (rs.next()) {
                        periods.put(rs.getString(1), rs.getString(1));
                        periods.put(rs.getString(2), rs.getString(1));
                    }
                }
            }
            return new Names(indicators, towns, periods);
        }
    }
}
