package com.qiyouxiang.intake.spreadsheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.qiyouxiang.validation.Candidate;
import com.qiyouxiang.validation.Finding;
import com.qiyouxiang.warehouse.Reject;

/**
 * Inputs for the tests of SheetParser's readers ({@link HeaderResolverTest}, {@link TownRowReaderTest},
 * {@link IndicatorRowReaderTest}): rows as a workbook source delivers them, the mappings as installed, and a dry run's
 * observer that writes down each record's outcome.
 */
final class ReaderFixtures {

    static final Path INSTALLED = Path.of("jobs/sources/spreadsheets");

    private ReaderFixtures() {
    }

    /** A row of cells from column A on: a String is a text cell, a Number a number cell, null no cell at all. */
    static RawRow row(int rowNumber, Object... values) {
        List<RawCell> cells = new ArrayList<>();
        for (int col = 0; col < values.length; col++) {
            String ref = WorkbookSource.ref(col, rowNumber);
            if (values[col] instanceof Number n) {
                cells.add(new RawCell(col, ref, RawCell.Kind.NUMBER, n.toString(), n.doubleValue(), false, false));
            } else if (values[col] != null) {
                cells.add(new RawCell(col, ref, RawCell.Kind.TEXT, values[col].toString(), 0, false, false));
            }
        }
        return new RawRow(rowNumber, cells);
    }

    static SourceMapping installed(String id) {
        return SourceMappings.load(INSTALLED).byId(id);
    }

    /** A mapping of src/test/resources/onboarding, read with the installed _defaults.yml. */
    static SourceMapping onboarding(String file) {
        return SourceMappings.loadFile(Path.of("src/test/resources/onboarding", file), INSTALLED);
    }

    /** Each record's outcome, one line each: {@code loaded H01 330681001 2024Q2 4.23}, {@code rejected 分镇街!B5 UNKNOWN_TOWN ...}. */
    static final class Outcomes implements FileLoad.Observer {
        final List<String> lines = new ArrayList<>();
        final List<String> header = new ArrayList<>();

        @Override
        public void header(String sheet, List<String> columns) {
            header.addAll(columns);
        }

        @Override
        public void ignored(String sheet, long row, String category) {
            lines.add("ignored " + row + " " + category);
        }

        @Override
        public void rejected(Reject r) {
            lines.add("rejected " + r.cellRef() + " " + r.reasonCode() + " " + r.messageZh());
        }

        @Override
        public void loaded(Candidate c, List<Finding> findings) {
            lines.add("loaded " + c.observation().indicatorCode() + " " + c.observation().townCode() + " "
                    + c.observation().periodCode() + " " + c.observation().value() + " at " + c.location());
        }
    }
}
