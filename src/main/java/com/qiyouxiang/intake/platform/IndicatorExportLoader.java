package com.qiyouxiang.intake.platform;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.validation.Candidate;
import com.qiyouxiang.validation.Finding;
import com.qiyouxiang.validation.ReviewStates;
import com.qiyouxiang.validation.RuleResults;
import com.qiyouxiang.validation.Tier;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.FileBudget;
import com.qiyouxiang.warehouse.FiniteNumbers;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;

/**
 * Loads one indicator export (one observation a line) with commons-csv: these files are small and
 * each figure passes {@link ValueRules} on its way to FactWriter (source_kind 'platform'). Quoted
 * fields may hold delimiters, doubled quotes and line breaks; line numbers are the file's own.
 */
public class IndicatorExportLoader {

    public static final String SOURCE_KIND = "platform";

    public record Outcome(RowCounts counts, List<Reject> rejects, List<String> findings, int changed) {
    }

    private final ValueRules valueRules;

    public IndicatorExportLoader(ValueRules valueRules) {
        this.valueRules = valueRules;
    }

    /** What one pass over the export read: counts, rejected lines, candidates, and the ignored lines (line, category). */
    private record Read(RowCounts counts, List<Reject> rejects, List<Candidate> candidates, List<Map.Entry<Long, String>> ignored) {
    }

    /** @param budget the file's budget: its reading time and the length of each field (qyx.file-limits) */
    public Outcome load(Connection c, ExportFile file, PlatformMapping mapping, Map<String, Integer> fields,
                        long fileId, Long jobExecutionId, FileBudget budget) throws IOException, SQLException {
        Read read = read(c, file, mapping, fields, fileId, budget);
        RowCounts counts = read.counts();
        List<Reject> rejects = read.rejects();
        List<Candidate> candidates = read.candidates();
        List<String> findings = new ArrayList<>();
        Set<Candidate> refused = new HashSet<>();
        List<Finding> checked = valueRules.check(c, candidates);
        RuleResults.record(c, checked, jobExecutionId);
        for (Finding f : checked) {
            Candidate k = f.candidate();
            if (f.tier() == Tier.MANDATORY) {
                if (refused.add(k)) {
                    reject(rejects, counts, k.rowNumber(), k.rawText(), f.reasonCode(),
                            "【" + f.tier().zh() + "】" + f.messageZh());
                }
            } else {
                findings.add(f.tier().zh() + " " + k.observation().indicatorCode() + " " + k.observation().townCode() + " "
                        + k.observation().periodCode() + " (" + k.location() + "): " + f.messageZh());
            }
        }
        Map<String, List<Observation>> byBureau = new LinkedHashMap<>();
        for (Candidate k : candidates) {
            if (!refused.contains(k)) {
                counts.loaded();
                byBureau.computeIfAbsent(k.source().bureauCode(), b -> new ArrayList<>())
                        .add(k.observation().withSource(Observation.Source.line(k.rowNumber())));
            }
        }
        int changed = 0;
        for (Map.Entry<String, List<Observation>> e : byBureau.entrySet()) {
            changed += FactWriter.write(c, e.getValue(), SOURCE_KIND, e.getKey(), fileId, file.name(), jobExecutionId).size();
        }
        ReviewStates.apply(c, fileId);
        return new Outcome(counts, rejects, findings, changed);
    }

    /** What the clerk can change for a line's reason (the Chinese message is what the bureau reads). */
    private static final Map<String, String> CLERK_HINTS = Map.of(
            "UNKNOWN_INDICATOR", "map the platform's code in option 'indicator-codes' (QYX18: H18), or its name in 'indicator-aliases'",
            "UNKNOWN_DIVISION", "the division code is not Zhuji's or one of its towns' (12 or 9 digits)",
            "BAD_PERIOD", "the 统计期 is not a known period; the column named by 'columns.period'",
            "UNIT_MISMATCH", "the export's unit differs from the catalog's: the column named by 'columns.unit'",
            "UNKNOWN_BUREAU", "the 数据来源部门 is no bureau alias: add it to bureaus.csv, or set the mapping's 'bureau' for empty ones",
            "WRONG_COLUMN_COUNT", "a line with more or fewer fields than the header: option 'delimiter' or 'quote'");

    /**
     * jobs/run check: the export read and checked exactly as {@link #load} does, nothing written; every line's
     * outcome in line order, then the reconciliation and the rule findings.
     */
    public List<String> check(Connection c, ExportFile file, PlatformMapping mapping, Map<String, Integer> fields)
            throws IOException, SQLException {
        Read read = read(c, file, mapping, fields, 0, FileBudget.unlimited(file.name()));
        Map<Long, List<String>> byLine = new java.util.TreeMap<>();
        read.ignored().forEach(e -> byLine.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add("ignored (" + e.getValue() + ")"));
        List<Finding> checked = valueRules.check(c, read.candidates());
        List<String> findings = new ArrayList<>();
        Map<Candidate, List<Finding>> mandatory = new java.util.IdentityHashMap<>();
        for (Finding f : checked) {
            if (f.tier() == Tier.MANDATORY) {
                mandatory.computeIfAbsent(f.candidate(), k -> new ArrayList<>()).add(f);
            } else {
                findings.add("【" + f.tier().zh() + "】" + f.candidate().location() + " " + f.candidate().observation().indicatorCode()
                        + " " + f.candidate().observation().townCode() + " " + f.candidate().observation().periodCode()
                        + " (" + f.ruleId() + "): " + f.messageZh());
            }
        }
        List<Reject> rejects = new ArrayList<>(read.rejects());
        RowCounts counts = read.counts();
        for (Candidate k : read.candidates()) {
            List<Finding> m = mandatory.get(k);
            if (m != null) {
                reject(rejects, counts, k.rowNumber(), k.rawText(), m.get(0).reasonCode(), "【" + m.get(0).tier().zh() + "】" + m.get(0).messageZh());
                continue;
            }
            counts.loaded();
            var o = k.observation();
            byLine.computeIfAbsent(k.rowNumber(), x -> new ArrayList<>()).add("loads " + o.indicatorCode() + " | " + o.townCode()
                    + " | " + o.periodCode() + " | " + BigDecimal.valueOf(o.value()).stripTrailingZeros().toPlainString()
                    + " (written '" + k.rawText() + "', bureau " + k.source().bureauCode() + ")");
        }
        for (Reject r : rejects) {
            String hint = CLERK_HINTS.get(r.reasonCode());
            byLine.computeIfAbsent(r.rowNumber(), x -> new ArrayList<>()).add("rejected " + r.reasonCode() + " '"
                    + (r.rawValue() == null ? "" : r.rawValue()) + "'\n      bureau reads: " + r.messageZh()
                    + (hint == null ? "" : "\n      clerk: " + hint));
        }
        List<String> lines = new ArrayList<>();
        lines.add("Every line:");
        byLine.forEach((line, outcomes) -> outcomes.forEach(o -> lines.add("  line " + line + ": " + o)));
        lines.add("Reconciliation: " + counts + (counts.reconciles() ? " (reconciles)" : " (DOES NOT RECONCILE)"));
        lines.add("Rule findings (核实性 / 提示性 on figures that would load): " + findings.size());
        findings.forEach(f -> lines.add("  " + f));
        lines.add("Outcome: the load would bring " + counts.rowsLoaded() + " figures, reject " + counts.rowsRejected() + " lines");
        return lines;
    }

    private Read read(Connection c, ExportFile file, PlatformMapping mapping, Map<String, Integer> fields, long fileId,
                      FileBudget budget) throws IOException, SQLException {
        DivisionCodes towns = DivisionCodes.load(c);
        Map<String, String> units = Warehouse.lookup(c, "SELECT indicator_code, coalesce(unit, '') FROM dim_indicator WHERE is_current");
        Map<String, String> names = new HashMap<>();
        Warehouse.lookup(c, "SELECT indicator_name, indicator_code FROM dim_indicator WHERE is_current")
                .forEach((name, code) -> names.put(PlatformMapping.nameKey(name), code));
        names.putAll(mapping.options().aliases());
        Map<String, String> bureaus = Warehouse.lookup(c, "SELECT alias, bureau_code FROM dim_bureau_alias");
        Set<String> periods = Warehouse.lookup(c, "SELECT period_code, period_code FROM dim_period").keySet();
        RowCounts counts = new RowCounts();
        List<Reject> rejects = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        List<Map.Entry<Long, String>> ignored = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int width = file.header().size();
        int headerRow = file.headerRow();
        try (Reader r = ExportFile.reader(file.path(), file.charset(), file.bom());
             CSVParser parser = CSVParser.builder().setReader(r).setFormat(file.format()).get()) {
            long nextLine = 1;
            for (CSVRecord record : parser) {
                long line = nextLine;
                nextLine = parser.getCurrentLineNumber() + 1;
                budget.tick(); // the reading time
                for (int i = 0; i < record.size(); i++) {
                    budget.field(line, i + 1, record.get(i).length());
                }
                counts.read();
                if (record.getRecordNumber() <= headerRow) {
                    String category = record.getRecordNumber() == headerRow ? "header" : "title";
                    counts.ignored(category);
                    ignored.add(Map.entry(line, category));
                    continue;
                }
                if (record.size() == 1 && record.get(0).isBlank()) {
                    counts.ignored("blank");
                    ignored.add(Map.entry(line, "blank"));
                    continue;
                }
                if (record.size() != width) {
                    reject(rejects, counts, line, null, "WRONG_COLUMN_COUNT",
                            "列数不符：表头有 " + width + " 列，本行 " + record.size() + " 列");
                    continue;
                }
                String written = get(record, fields, "indicator_code").toUpperCase();
                String name = get(record, fields, "indicator_name");
                String code = indicatorCode(written, name, mapping.options(), units, names);
                String division = get(record, fields, "division_code");
                String periodText = get(record, fields, "period");
                String valueText = get(record, fields, "value");
                String unit = get(record, fields, "unit");
                String bureauText = get(record, fields, "bureau");
                String town = towns.townOf(division);
                String period = PeriodText.parse(periodText);
                String bureau = bureaus.get(bureauText.isEmpty() && mapping.bureau() != null ? mapping.bureau() : bureauText);
                Double value = number(valueText);
                if (code == null) {
                    reject(rejects, counts, line, written, "UNKNOWN_INDICATOR", "指标编码“" + written + "”"
                            + (name.isEmpty() ? "" : "（指标名称“" + name + "”）") + "不在七优享指标目录中");
                } else if (town == null) {
                    reject(rejects, counts, line, division, "UNKNOWN_DIVISION", "行政区划代码不是诸暨市或其镇街的代码（12位或9位）");
                } else if (period == null || !periods.contains(period)) {
                    reject(rejects, counts, line, periodText, "BAD_PERIOD",
                            "统计期无法识别：可写 2024Q2、2024年第二季度、2024-06、202406（月份须为季末月）");
                } else if (value == null) {
                    reject(rejects, counts, line, valueText, "BAD_NUMBER", "第 " + line + " 行指标值不是数字");
                } else if (!FiniteNumbers.ok(value)) {
                    reject(rejects, counts, line, valueText, FiniteNumbers.REASON_CODE, "第 " + line + " 行" + FiniteNumbers.problemZh());
                } else if (!unit.isEmpty() && !units.get(code).isEmpty() && !unit.equals(units.get(code))) {
                    reject(rejects, counts, line, unit, "UNIT_MISMATCH",
                            "计量单位“" + unit + "”与指标目录的单位“" + units.get(code) + "”不一致");
                } else if (bureau == null) {
                    reject(rejects, counts, line, bureauText, "UNKNOWN_BUREAU", "数据来源部门“" + bureauText + "”无法识别");
                } else if (!keys.add(code + "|" + town + "|" + period)) {
                    reject(rejects, counts, line, code + " " + division + " " + periodText, "DUPLICATE_KEY",
                            "同一文件中该指标、区划、统计期重复出现，仅保留第一行");
                } else {
                    candidates.add(new Candidate(new Observation(code, town, period, value, null, null, "A"),
                            new Candidate.Source(SOURCE_KIND, bureau, fileId, file.name()), null, line, "第 " + line + " 行",
                            valueText, null, town.length() == 6));
                }
            }
        }
        return new Read(counts, rejects, candidates, ignored);
    }

    /** The catalog code of a line: its code if the catalog has it, else the mapping's code map, else its name (or alias). */
    static String indicatorCode(String written, String name, PlatformMapping.Options options, Map<String, String> units,
                                Map<String, String> names) {
        if (units.containsKey(written)) {
            return written;
        }
        String mapped = options.indicatorCodes().get(written);
        if (mapped != null) {
            return units.containsKey(mapped) ? mapped : null;
        }
        if (options.matchNames() && !name.isEmpty()) {
            String byName = names.get(PlatformMapping.nameKey(name));
            return byName != null && units.containsKey(byName) ? byName : null;
        }
        return null;
    }

    private static void reject(List<Reject> rejects, RowCounts counts, long line, String raw, String code, String message) {
        rejects.add(new Reject(null, line, null, raw, code, message));
        counts.rejected();
    }

    private static String get(CSVRecord record, Map<String, Integer> fields, String field) {
        Integer i = fields.get(field);
        return i == null ? "" : record.get(i).trim();
    }

    /** A figure as written: thousands separators, spaces and a trailing % allowed; null when not a number. */
    static Double number(String text) {
        String t = text.replace(",", "").replace("，", "").replace(" ", "").replaceAll("%$", "");
        if (t.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(t).doubleValue();
        } catch (NumberFormatException e) {
            return null;
        }
    }

}
