package com.qiyouxiang.intake.spreadsheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.qiyouxiang.validation.Candidate;
import com.qiyouxiang.validation.Finding;
import com.qiyouxiang.warehouse.Reject;
import com.qiyouxiang.warehouse.RowCounts;

/**
 * The report of {@code jobs/run check <file>} for a spreadsheet, filled by {@link SpreadsheetIngester#check} as the
 * ingest's own classes read the file ({@link FileLoad.Observer}): the mapping that fits (or why each fails), the
 * header as resolved, every record's outcome, the reconciliation and the rule findings. For the clerk, in English,
 * with the Chinese message the bureau would read beside each problem and the mapping option to change.
 */
final class DryRun implements FileLoad.Observer {

    /** What the clerk can change for each cell reason (the bureau reads the Chinese message). */
    private static final Map<String, String> CLERK_HINTS = Map.ofEntries(
            Map.entry("NOT_A_NUMBER", "if this text means \"no value\", add it to option 'no-value-tokens'"),
            Map.entry("UNIT_MISMATCH", "the unit the column is written in: its header's (unit), or the figure's 'unit'"),
            Map.entry("UNKNOWN_TOWN", "a town name not in dim_town (samples/reference towns, short names too); a total row's label goes to option 'total-row-labels'"),
            Map.entry("MISSING_TOWN", "a row without a town: a total row's label goes to option 'total-row-labels', a note row to 'footnote-markers'"),
            Map.entry("UNKNOWN_INDICATOR", "add the name as written under the mapping's 'indicators:' (the code: the names the bureau writes)"),
            Map.entry("MISSING_INDICATOR", "a row without an indicator name: a note row's first word goes to option 'footnote-markers'"),
            Map.entry("PERIOD_NOT_EXPECTED", "an annual figure outside its quarter: option 'annual-in-quarter', or the figure's own 'frequency'"),
            Map.entry("DUPLICATE", "two columns or rows map to the same figure: check the figures' columns"),
            Map.entry("EXCEL_ERROR", "the bureau's formula failed; nothing to change in the mapping"),
            Map.entry("MISSING_DENOMINATOR", "the rate's 'denominator' column is empty in this row"),
            Map.entry("ZERO_DENOMINATOR", "the rate's 'denominator' is 0 in this row"));

    /** A dry run that keeps nothing (to tell whether a mapping fits). */
    static final FileLoad.Observer QUIET = new FileLoad.Observer() {
        @Override
        public void header(String sheet, List<String> columns) {
        }

        @Override
        public void ignored(String sheet, long row, String category) {
        }

        @Override
        public void rejected(Reject reject) {
        }

        @Override
        public void loaded(Candidate candidate, List<Finding> findings) {
        }
    };

    private final ReferenceData reference;
    private final StringBuilder out = new StringBuilder();
    private final List<String> findings = new ArrayList<>();
    private boolean loads;
    private boolean warnings;
    private String currentSheet;

    DryRun(String fileName, ReferenceData reference) {
        this.reference = reference;
        out.append("File: ").append(fileName).append('\n');
    }

    /** Why the file name or the sheets do not fit a mapping's recognise section ("" when both fit). */
    static String recognition(SourceMapping m, String fileName, List<WorkbookSource.SheetInfo> sheets) {
        List<String> why = new ArrayList<>();
        if (!m.recognise().fileName().matcher(TextNormalizer.normalize(fileName)).find()) {
            why.add("the file name does not match recognise.file-name '" + m.recognise().fileName() + "'");
        }
        if (!m.readsASheetOf(sheets)) {
            why.add("no " + (m.options().skipHiddenSheets() ? "visible " : "") + "sheet matches recognise.sheet '"
                    + m.recognise().sheet() + "' (sheets: " + String.join(", ", sheets.stream()
                    .map(s -> s.name() + (s.hidden() ? " (hidden)" : "")).toList()) + ")");
        }
        return String.join("; ", why);
    }

    void refused(String reasonZh, String detail) {
        out.append("Refused before any mapping is tried: ").append(detail).append("\n  bureau reads: ").append(reasonZh).append('\n');
    }

    void noMatch(String reasonZh, List<WorkbookSource.SheetInfo> sheets) {
        out.append("Mapping: none fits (sheets: ").append(String.join(", ", sheets.stream().map(WorkbookSource.SheetInfo::name)
                .toList())).append(")\n  bureau reads: ").append(reasonZh).append("\nWhy each mapping does not fit:\n");
    }

    void candidate(SourceMapping m, String why) {
        out.append("  ").append(m.id()).append(" (").append(m.file()).append("): ")
                .append(why == null ? "fits" : why).append('\n');
    }

    void mapping(SourceMapping m, String note) {
        out.append("Mapping: ").append(m.id()).append(" (").append(m.file()).append(")")
                .append(m.description() == null ? "" : ": " + m.description().strip()).append(", bureau ").append(m.bureau())
                .append(", layout ").append(m.layout().name().toLowerCase().replace('_', '-')).append('\n');
        if (note != null) {
            out.append("  note: ").append(note).append('\n');
        }
    }

    void recognition(String why) {
        if (!why.isEmpty()) {
            out.append("  note: ").append(why).append(" (the ingest would not recognise the file with this mapping)\n");
        }
    }

    void notRecognised(String reasonZh, String hint) {
        out.append("Not loaded: the file does not fit the mapping\n  bureau reads: ").append(reasonZh).append('\n');
        if (hint != null) {
            out.append("  clerk: ").append(hint).append('\n');
        }
        out.append("Outcome: the ingest would refuse this file (unrecognised, left in the inbox); nothing would load\n");
    }

    void facts(String period, String bureauWritten, List<String> read, List<String> skipped) {
        out.append("Period: ").append(period).append("; sheets read: ").append(String.join(", ", read))
                .append(skipped.isEmpty() ? "" : "; skipped: " + String.join(", ", skipped))
                .append(bureauWritten == null ? "" : "; 填报单位 " + bureauWritten).append('\n');
    }

    void counts(RowCounts counts) {
        out.append("Reconciliation: ").append(counts).append(counts.reconciles() ? " (reconciles)" : " (DOES NOT RECONCILE)").append('\n');
        out.append("Rule findings (核实性 / 提示性 on figures that would load): ").append(findings.size()).append('\n');
        findings.forEach(f -> out.append("  ").append(f).append('\n'));
        loads = counts.rowsLoaded() > 0 || counts.rowsRejected() > 0;
        warnings = counts.rowsRejected() > 0 || !findings.isEmpty();
        out.append("Outcome: the ingest would load this file: ").append(counts.rowsLoaded()).append(" figures")
                .append(counts.rowsRejected() > 0 ? ", " + counts.rowsRejected() + " rejected cells (a 退回修改 workbook to the bureau)" : "")
                .append(!findings.isEmpty() && counts.rowsRejected() == 0 ? " (a 数据核实 workbook to the bureau)" : "").append('\n');
    }

    /** Each sheet's records under its name, the header as resolved where it ends. */
    private void sheet(String sheet) {
        if (!sheet.equals(currentSheet)) {
            currentSheet = sheet;
            out.append("Sheet ").append(sheet).append(", every record:\n");
        }
    }

    @Override
    public void header(String sheet, List<String> columns) {
        sheet(sheet);
        out.append("  the header, as resolved (column, header text -> what it is):\n");
        columns.forEach(c -> out.append("    ").append(c).append('\n'));
    }

    @Override
    public void ignored(String sheet, long row, String category) {
        sheet(sheet);
        out.append("  ").append(sheet).append(" row ").append(row).append(": ignored (").append(category).append(")\n");
    }

    @Override
    public void rejected(Reject r) {
        sheet(r.sheetName());
        out.append("  ").append(r.cellRef() != null ? r.cellRef() : r.sheetName() + " row " + r.rowNumber()).append(": rejected ")
                .append(r.reasonCode()).append(" '").append(r.rawValue() == null ? "" : r.rawValue()).append("'\n      bureau reads: ")
                .append(r.messageZh()).append('\n');
        String hint = CLERK_HINTS.get(r.reasonCode());
        if (hint != null) {
            out.append("      clerk: ").append(hint).append('\n');
        }
    }

    @Override
    public void loaded(Candidate c, List<Finding> found) {
        sheet(c.sheetName());
        var o = c.observation();
        ReferenceData.Indicator indicator = reference.indicator(o.indicatorCode());
        out.append("  ").append(c.location()).append(": loads ").append(o.indicatorCode()).append(' ')
                .append(indicator == null ? "" : indicator.name()).append(" | ").append(reference.townName(o.townCode()))
                .append(" | ").append(o.periodCode()).append(" | ").append(number(o.value()))
                .append(indicator == null || indicator.unit().isEmpty() ? "" : " " + indicator.unit())
                .append(o.numerator() == null ? "" : " (= " + number(o.numerator()) + " / " + number(o.denominator()) + ")")
                .append(" (written '").append(c.rawText()).append("')")
                .append('\n');
        for (Finding f : found) {
            findings.add("【" + f.tier().zh() + "】" + c.location() + " " + o.indicatorCode() + " " + reference.townName(o.townCode())
                    + " " + o.periodCode() + " (" + f.ruleId() + "): " + f.messageZh());
        }
    }

    private static String number(Double d) {
        return d == null ? "-" : java.math.BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }

    /** 0: the file would load cleanly; 4: it would load with rejects or findings; 2: it would not load. */
    int exitCode() {
        return !loads ? 2 : warnings ? 4 : 0;
    }

    SpreadsheetIngester.Checked result() {
        return new SpreadsheetIngester.Checked(out.toString(), exitCode());
    }
}
