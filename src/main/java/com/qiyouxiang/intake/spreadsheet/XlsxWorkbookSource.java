package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javax.xml.parsers.ParserConfigurationException;

import org.apache.poi.util.XMLHelper;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import com.qiyouxiang.warehouse.FileBudget;

/**
 * Streams an .xlsx/.xlsm with POI's SAX reader: {@link XSSFReader} for the parts,
 * {@link ReadOnlySharedStringsTable} for the strings, and a lean handler over the sheet XML that
 * keeps one row in memory. POI's zip-bomb guard (ZipSecureFile's minimum inflate ratio) stays on:
 * a bomb fails with an IOException naming it; its max entry size and the file's {@link FileBudget} (rows, columns,
 * characters per cell, time) catch one padded to pass the ratio guard. POI's XML parsers refuse DOCTYPEs, so
 * external entities (XXE) and entity expansion (billion laughs) fail the file. Formulas give their cached value.
 */
final class XlsxWorkbookSource implements WorkbookSource {

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final List<SheetInfo> sheets = new ArrayList<>();
    private final FileBudget budget;

    XlsxWorkbookSource(Path file, FileBudget budget) throws IOException {
        this.budget = budget;
        try {
            this.pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
        try {
            this.reader = new XSSFReader(pkg);
            this.strings = new ReadOnlySharedStringsTable(pkg, false);
            this.styles = reader.getStylesTable();
            readSheetList();
        } catch (OpenXML4JException | SAXException | ParserConfigurationException | RuntimeException e) {
            pkg.revert();
            throw new IOException(e.getMessage(), e);
        } catch (IOException e) {
            pkg.revert();
            throw e;
        }
    }

    private void readSheetList() throws IOException, OpenXML4JException, SAXException, ParserConfigurationException {
        XMLReader xml = XMLHelper.newXMLReader();
        xml.setContentHandler(new DefaultHandler() {
            @Override
            public void startElement(String uri, String localName, String qName, Attributes a) {
                if (localName.equals("sheet")) {
                    String state = a.getValue("state");
                    sheets.add(new SheetInfo(a.getValue("name"), state != null && !state.equals("visible")));
                }
            }
        });
        try (InputStream in = reader.getWorkbookData()) {
            xml.parse(new InputSource(in));
        }
    }

    @Override
    public List<SheetInfo> sheets() {
        return sheets;
    }

    @Override
    public void read(String sheetName, Consumer<RawRow> rows) throws IOException {
        try {
            XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (it.hasNext()) {
                try (InputStream in = it.next()) {
                    if (!it.getSheetName().equals(sheetName)) {
                        continue;
                    }
                    XMLReader xml = XMLHelper.newXMLReader();
                    SheetHandler handler = new SheetHandler(sheetName, rows);
                    xml.setContentHandler(handler);
                    xml.parse(new InputSource(in));
                    return;
                }
            }
            throw new IOException("no sheet named " + sheetName);
        } catch (OpenXML4JException | SAXException | ParserConfigurationException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        pkg.revert();
    }

    private static final int PLAIN = 0, PERCENT = 1, DATE = 2;

    /** The sheet XML, one row at a time: {@code <row r><c r t s><v/> | <is><t/></is></c></row>}. */
    private final class SheetHandler extends DefaultHandler {
        private final String sheetName;
        private final Consumer<RawRow> rows;
        private final Map<Integer, Integer> formatKinds = new HashMap<>();
        private final StringBuilder value = new StringBuilder();
        private List<RawCell> cells = new ArrayList<>();
        private int lastRow = 0;
        private int rowNumber;
        private String cellRef;
        private String cellType;
        private int cellStyle;
        private boolean inValue;

        SheetHandler(String sheetName, Consumer<RawRow> rows) {
            this.sheetName = sheetName;
            this.rows = rows;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes a) {
            budget.tick();
            switch (localName) {
                case "row" -> {
                    String r = a.getValue("r");
                    // a row number past the limit ends the file here: the empty rows before it are never made
                    long number = r == null ? lastRow + 1L : Long.parseLong(r.strip());
                    budget.row(sheetName, number);
                    rowNumber = (int) number;
                    cells = new ArrayList<>();
                }
                case "c" -> {
                    cellRef = a.getValue("r");
                    cellType = a.getValue("t");
                    String s = a.getValue("s");
                    cellStyle = s == null ? 0 : Integer.parseInt(s);
                    value.setLength(0);
                }
                case "v", "t" -> inValue = true;
                default -> {
                }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (inValue) {
                value.append(ch, start, length);
                if (value.length() > budget.limits().maxCellChars()) {
                    budget.cell(sheetName + "!" + (cellRef == null ? "" : cellRef), value.length());
                }
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> inValue = false;
                case "c" -> endCell();
                case "row" -> {
                    for (int r = lastRow + 1; r < rowNumber; r++) {
                        rows.accept(new RawRow(r, List.of()));
                    }
                    rows.accept(new RawRow(rowNumber, cells));
                    lastRow = rowNumber;
                }
                default -> {
                }
            }
        }

        /** A number cell's stored text: a double (NaN, INF and 1E999 too: the cell rules reject them), or null. */
        private static Double number(String v) {
            String t = v.trim();
            if (t.equalsIgnoreCase("inf") || t.equalsIgnoreCase("+inf")) {
                return Double.POSITIVE_INFINITY;
            }
            if (t.equalsIgnoreCase("-inf")) {
                return Double.NEGATIVE_INFINITY;
            }
            try {
                return Double.parseDouble(t);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private void endCell() {
            int column = column(cellRef);
            budget.column(sheetName, column);
            String ref = cellRef == null ? WorkbookSource.ref(column, rowNumber) : cellRef;
            String v = value.toString();
            if (cellType == null || cellType.equals("n")) {
                if (v.isEmpty()) {
                    return;
                }
                Double number = number(v);
                if (number == null) {  // not a number at all: a text the cell rules reject at this cell
                    cells.add(new RawCell(column, ref, RawCell.Kind.TEXT, v, Double.NaN, false, false));
                    return;
                }
                int kind = formatKind(cellStyle);
                cells.add(new RawCell(column, ref, RawCell.Kind.NUMBER, v, number, kind == PERCENT, kind == DATE));
                return;
            }
            String text = switch (cellType) {
                case "s" -> strings.getItemAt(Integer.parseInt(v.trim())).getString();
                case "b" -> v.equals("1") ? "TRUE" : "FALSE";
                default -> v; // str (formula text result), inlineStr, e
            };
            if (text.isEmpty()) {
                return;
            }
            budget.cell(sheetName + "!" + ref, text.length());
            RawCell.Kind kind = cellType.equals("e") ? RawCell.Kind.ERROR : RawCell.Kind.TEXT;
            cells.add(new RawCell(column, ref, kind, text, Double.NaN, false, false));
        }

        private int column(String ref) {
            if (ref == null) {
                return cells.isEmpty() ? 0 : cells.get(cells.size() - 1).column() + 1;
            }
            int col = 0;
            for (int i = 0; i < ref.length(); i++) {
                char ch = ref.charAt(i);
                if (ch < 'A' || ch > 'Z' || col > 1_000_000) {
                    break;
                }
                col = col * 26 + (ch - 'A' + 1);
            }
            return col - 1;
        }

        private int formatKind(int styleIndex) {
            return formatKinds.computeIfAbsent(styleIndex, i -> {
                if (styles == null || i >= styles.getNumCellStyles()) {
                    return PLAIN;
                }
                XSSFCellStyle style = styles.getStyleAt(i);
                String format = style.getDataFormatString();
                if (format != null && format.contains("%")) {
                    return PERCENT;
                }
                return format != null && DateUtil.isADateFormat(style.getDataFormat(), format) ? DATE : PLAIN;
            });
        }
    }
}
