package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.ClientAnchor;
import org.apache.poi.ss.usermodel.Comment;
import org.apache.poi.ss.usermodel.CreationHelper;
import org.apache.poi.ss.usermodel.Drawing;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import com.qiyouxiang.batch.PrintLayout;
import com.qiyouxiang.batch.SafeText;
import com.qiyouxiang.validation.ReviewState;
import com.qiyouxiang.warehouse.Reject;

/**
 * The feedback workbook (反馈表) for a file the bureau must hear about, grouped by tier:
 * <ol>
 * <li>a 反馈说明 sheet in Chinese: the file, the counts, then 一、强制性 (rejected cells, to be corrected
 * and sent again), 二、核实性 (loaded, 待核实 until a 情况说明 arrives, or 已说明 with it) and 三、提示性 (for
 * information), each problem with its cell, what was there and what is expected, and 四、数据清单 (every figure
 * of the file with its outcome, so the bureau sees what was accepted too); printed on one page when it is short;</li>
 * <li>when figures are 待核实, a 情况说明 sheet in the explanation-file layout (规则编号, 指标, 镇街, 期别,
 * 情况说明, 填报人, then what was found): the bureau fills in the yellow 情况说明 column and puts the
 * workbook into the inbox's 情况说明 folder, and each figure becomes 已说明;</li>
 * <li>a copy of each sheet concerned, streamed from the original, every flagged cell highlighted
 * (强制性 yellow with red text, 核实性 orange, 提示性 light blue) with a comment saying what is wrong.</li>
 * </ol>
 * Written with SXSSF, so its size does not matter. A supplementary workbook (补充反馈表, {@link LaterFeedback}) is the
 * same, titled （补充）, with the findings it tells for the first time marked 新增 ({@link Flag#added}).
 */
final class FeedbackWorkbookWriter {

    static final String SUMMARY_SHEET = "反馈说明";
    static final String EXPLANATION_SHEET = "情况说明";
    /** Every figure of the file with its outcome (sql/statements/spreadsheet/feedback_figures.sql's columns). */
    static final String FIGURES_TITLE = "四、数据清单";
    /** The fields of a figure, as sql/statements/spreadsheet/feedback_figures.sql returns them. */
    static final String[] FIGURE_HEADERS = {"工作表", "行", "单元格", "指标名称", "镇街", "期别", "报送值", "处理结果", "问题及要求"};
    /** The header of the 数据清单 section of 反馈说明 (the fields above, 指标名称·镇街·期别 in one column). */
    static final String[] FIGURES_HEADER = {"行", "工作表", "单元格", "报送值", "指标·镇街·期别", "处理结果", "问题及要求"};
    /** A 反馈说明 of at most this many rows (with its 数据清单) is shrunk to print on one page; a longer one runs on. */
    static final int ONE_PAGE_ROWS = 100;
    /** The hidden column of 反馈说明 holding the reason codes and rule ids (the clerk may filter on it). */
    static final int CODE_COLUMN = 8;
    static final String CODE_HEADER = "代码（筛选用）";
    /** The column of the 核实性 and 提示性 lists marking, in a supplementary workbook, what is told for the first time. */
    static final String ADDED_HEADER = "本次新增";
    static final String ADDED = "新增";

    private FeedbackWorkbookWriter() {
    }

    /** @param template the template's Chinese description (适用模板), never its mapping id */
    record Summary(String fileName, String bureauName, String period, String template, String counts,
                   long rejected, long verifyItems, long verifyOpen, long hintItems) {
    }

    /**
     * A 核实性 or 提示性 finding on one of the file's figures (sql/statements/spreadsheet/feedback_findings.sql).
     *
     * @param added made after the file loaded and told in no workbook before: marked 新增 in a supplementary workbook
     *              (补充反馈表), which is what a workbook with such a flag is
     */
    record Flag(String tier, String ruleId, String indicatorCode, String indicatorName, String townName, String periodCode,
                String sheetName, String location, String reported, String comparedWith, Double comparedValue,
                String messageZh, String reviewState, String explanation, boolean added) {

        Flag(String tier, String ruleId, String indicatorCode, String indicatorName, String townName, String periodCode,
             String sheetName, String location, String reported, String comparedWith, Double comparedValue,
             String messageZh, String reviewState, String explanation) {
            this(tier, ruleId, indicatorCode, indicatorName, townName, periodCode, sheetName, location, reported, comparedWith,
                    comparedValue, messageZh, reviewState, explanation, false);
        }

        boolean open() {
            return ReviewState.PENDING.dbValue().equals(reviewState);
        }
    }

    /** A highlighted cell: its style and its comment. */
    private record Mark(CellStyle style, String comment) {
    }

    /** The notice's title: 退回修改通知 / 数据核实通知, with （补充） for a supplementary workbook. */
    static String title(Summary summary, List<Flag> flags) {
        return (summary.rejected() > 0 ? "退回修改通知" : "数据核实通知") + (flags.stream().anyMatch(Flag::added) ? "（补充）" : "");
    }

    /**
     * @param source   the file as it was received (its sheets are copied), or null with no {@code sheets} (the
     *                 archived copy is gone: the workbook is 反馈说明 and 情况说明 alone)
     * @param maxMarks at most this many cells get a highlight and a comment (comments stay in memory until written)
     */
    static void write(Path source, List<String> sheets, List<Reject> rejects, List<Flag> flags, List<String[]> figures,
                      Summary summary, int maxMarks, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); WorkbookSource in = sheets.isEmpty() ? null : WorkbookSource.open(source)) {
            CellStyle bad = fill(wb, IndexedColors.YELLOW, IndexedColors.RED);
            CellStyle verify = fill(wb, IndexedColors.LIGHT_ORANGE, null);
            CellStyle hint = fill(wb, IndexedColors.LIGHT_TURQUOISE, null);
            CellStyle toFill = fill(wb, IndexedColors.LIGHT_YELLOW, null);
            CellStyle bold = wb.createCellStyle();
            Font b = wb.createFont();
            b.setBold(true);
            bold.setFont(b);
            Styles styles = new Styles(bold, wrap(wb));

            Map<String, Map<Integer, Map<Integer, Mark>>> marks = new HashMap<>();
            int marked = 0;
            for (Reject r : rejects) {
                if (r.cellRef() != null && marked < maxMarks && mark(marks, r.sheetName(), r.cellRef(),
                        new Mark(bad, "【强制性·已退回】" + r.messageZh()))) {
                    marked++;
                }
            }
            for (Flag f : flags) {
                boolean isVerify = "核实性".equals(f.tier());
                String state = (f.added() ? "·本次新增" : "") + (isVerify ? (ReviewState.EXPLAINED.dbValue().equals(f.reviewState())
                        ? "·已说明" : "·待核实，请在“情况说明”表中说明") : "");
                if (f.location() != null && f.location().contains("!") && marked < maxMarks
                        && mark(marks, f.sheetName(), f.location(), new Mark(isVerify ? verify : hint,
                        "【" + f.tier() + state + "】" + f.messageZh()))) {
                    marked++;
                }
            }

            String title = title(summary, flags);
            String period = PrintLayout.periodZh(summary.period());
            int summaryRows = summarySheet(wb.createSheet(SUMMARY_SHEET), rejects, flags, figures, summary, styles);
            // portrait: the lists run down the page (a landscape page holds a third fewer rows)
            PrintLayout.apply(wb.getSheet(SUMMARY_SHEET), false, -1, summary.fileName() + "·" + title, period);
            if (summaryRows <= ONE_PAGE_ROWS) {
                // the usual case: the notice and its 数据清单 on one printed page
                wb.getSheet(SUMMARY_SHEET).getPrintSetup().setFitHeight((short) 1);
            }
            if (flags.stream().anyMatch(Flag::open)) {
                explanationSheet(wb.createSheet(EXPLANATION_SHEET), flags, summary, styles, toFill);
                PrintLayout.apply(wb.getSheet(EXPLANATION_SHEET), true, 1, summary.fileName() + "·待核实数据情况说明", period);
            }
            CreationHelper helper = wb.getCreationHelper();
            for (String name : sheets) {
                Sheet out = wb.createSheet(name);
                Drawing<?> drawing = out.createDrawingPatriarch();
                Map<Integer, Map<Integer, Mark>> sheetMarks = marks.getOrDefault(name, Map.of());
                PrintLayout.Widths widths = new PrintLayout.Widths(6, 30);
                in.read(name, row -> {
                    Row r = out.createRow(row.rowNumber() - 1);
                    for (RawCell c : row.cells()) {
                        Cell cell = r.createCell(c.column());
                        if (c.kind() == RawCell.Kind.NUMBER) {
                            cell.setCellValue(c.number());
                            widths.see(c.column(), plain(c.number()));
                        } else {
                            SafeText.cell(cell, c.text());
                            // a title in the first column spans the table: it does not set the column's width
                            if (c.column() > 0 || PrintLayout.displayWidth(c.text()) <= 30) {
                                widths.see(c.column(), c.text());
                            }
                        }
                    }
                    for (var mark : sheetMarks.getOrDefault(row.rowNumber(), Map.of()).entrySet()) {
                        Cell cell = r.getCell(mark.getKey());
                        if (cell == null) {
                            cell = r.createCell(mark.getKey());
                        }
                        cell.setCellStyle(mark.getValue().style());
                        ClientAnchor anchor = helper.createClientAnchor();
                        anchor.setCol1(mark.getKey());
                        anchor.setCol2(mark.getKey() + 4);
                        anchor.setRow1(row.rowNumber() - 1);
                        anchor.setRow2(row.rowNumber() + 3);
                        Comment comment = drawing.createCellComment(anchor);
                        comment.setAuthor("七优享数据仓");
                        comment.setString(helper.createRichTextString(mark.getValue().comment()));
                        comment.setAddress(cell.getAddress());
                        cell.setCellComment(comment);
                    }
                });
                widths.apply(out);
                PrintLayout.apply(out, widths.total() > 95, -1, summary.fileName() + "·" + name + "（已标注问题单元格）", period);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);   // no partial workbook left (a full disk): the next run writes it whole
            throw e;
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Records a mark for 'Sheet1!D7' (the first one of a cell wins: tiers come in order); false when taken. */
    private static boolean mark(Map<String, Map<Integer, Map<Integer, Mark>>> marks, String sheet, String cellRef, Mark mark) {
        CellReference ref = new CellReference(cellRef);
        String sheetName = ref.getSheetName() != null ? ref.getSheetName() : sheet;
        return marks.computeIfAbsent(sheetName, k -> new HashMap<>())
                .computeIfAbsent(ref.getRow() + 1, k -> new HashMap<>())
                .putIfAbsent((int) ref.getCol(), mark) == null;
    }

    /** The bold and the wrapping style; the column widths of the sheet being written. */
    private record Styles(CellStyle bold, CellStyle wrap) {
    }

    /** @return the rows written */
    private static int summarySheet(Sheet s, List<Reject> rejects, List<Flag> flags, List<String[]> figures, Summary summary,
                                    Styles styles) {
        List<Flag> verify = flags.stream().filter(f -> "核实性".equals(f.tier())).toList();
        List<Flag> hints = flags.stream().filter(f -> "提示性".equals(f.tier())).toList();
        CellStyle bold = styles.bold();
        PrintLayout.Widths widths = new PrintLayout.Widths(4, 50);
        int r = 0;
        cells(s.createRow(r++), bold, title(summary, flags));
        cells(s.createRow(r++), null, "文件", summary.fileName());
        cells(s.createRow(r++), null, "填报单位", summary.bureauName());
        cells(s.createRow(r++), null, "报告期", PrintLayout.periodZh(summary.period()));
        cells(s.createRow(r++), null, "适用模板", summary.template());
        cells(s.createRow(r++), null, "处理结果", summary.counts());
        cells(s.createRow(r++), null, "审核结果", "强制性 " + summary.rejected() + " 处（已退回）；核实性 " + summary.verifyItems()
                + " 处（待核实 " + summary.verifyOpen() + " 处）；提示性 " + summary.hintItems() + " 处");
        long added = flags.stream().filter(Flag::added).count();
        if (added > 0) {
            // a supplementary workbook (补充反馈表): what is new since the file loaded, wrapped across the table like 说明
            Row supplement = s.createRow(r);
            cells(supplement, null, "补充说明", "本文件入库后，经与公共数据平台等核对，又发现 " + added
                    + " 处问题，在下表“本次新增”列中标为“新增”；其余问题此前已告知，一并列出供对照。");
            supplement.getCell(0).setCellStyle(styles.wrap()); // the label at the top of its row, beside its text
            supplement.getCell(1).setCellStyle(styles.wrap());
            supplement.setHeightInPoints(2 * 15f);
            s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(r, r, 1, 7));
            r++;
        }
        int explanationRow = r;
        cells(s.createRow(r++), null, "说明", "强制性问题的数据未能入库，请按“问题及要求”修改原表中标黄的单元格（批注中有说明），"
                + "修改后重新报送整份文件，重新报送后以新报送的数据为准。核实性问题的数据已入库但标记为“待核实”：如数据无误，"
                + "请在“情况说明”表中填写原因，将本工作簿放入报送目录的“情况说明”文件夹，即转为“已说明”；如数据有误，请更正后重新报送。"
                + "提示性问题仅供参考，无需处理。");
        Row explanation = s.getRow(explanationRow);
        explanation.getCell(1).setCellStyle(styles.wrap());
        explanation.getCell(0).setCellStyle(styles.wrap()); // the label at the top of its tall row, beside its text
        explanation.setHeightInPoints(explanationLines(explanation.getCell(1).getStringCellValue(), 100) * 15f);
        r++;
        cells(s.createRow(r++), bold, "一、强制性（已退回，须修改后重新报送）" + (summary.rejected() > rejects.size()
                ? "：共 " + summary.rejected() + " 处，下表列出前 " + rejects.size() + " 处" : "：共 " + rejects.size() + " 处"));
        if (rejects.isEmpty()) {
            cells(s.createRow(r++), null, "无");
        } else {
            cells(s.createRow(r++), bold, "序号", "工作表", "单元格", "原填内容", "问题及要求", "", "", "", CODE_HEADER);
            int i = 1;
            for (Reject rej : rejects) {
                table(s.createRow(r++), styles, widths, String.valueOf(i++), rej.sheetName(),
                        rej.cellRef() == null ? "" : rej.cellRef().substring(rej.cellRef().indexOf('!') + 1),
                        rej.rawValue() == null ? "" : rej.rawValue(), rej.messageZh(), "", "", "", rej.reasonCode());
            }
        }
        r++;
        r = flagSection(s, r, styles, widths, "二、核实性（已入库，待核实的请填写情况说明）：共 " + verify.size() + " 处", verify);
        r++;
        r = flagSection(s, r, styles, widths, "三、提示性（仅供参考）：共 " + hints.size() + " 处", hints);
        r++;
        r = figuresSection(s, r, figures, styles, widths);
        widths.see(0, "审核结果");
        widths.apply(s, Map.of(0, 10, 4, 50, 6, 30));
        // the reason and rule codes stay in column I for the clerk's filtering, hidden: they never print
        s.setColumnHidden(CODE_COLUMN, true);
        // the long 说明 spans the table's width, wrapped. With many rows SXSSF has already written that row out
        // (it keeps a window of rows): then it keeps the style and height given when it was made, just below.
        s.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(explanationRow, explanationRow, 1, 7));
        Row row = s.getRow(explanationRow);
        if (row != null) {
            int tableWidth = 0;
            for (int c = 1; c <= 7; c++) {
                tableWidth += s.getColumnWidth(c) / 256;
            }
            row.setHeightInPoints(explanationLines(row.getCell(1).getStringCellValue(), tableWidth) * 15f);
        }
        return r;
    }

    /** Lines a wrapped text takes in a merged cell this many characters wide. */
    private static int explanationLines(String text, int width) {
        return PrintLayout.displayWidth(text) / Math.max(width, 1) + 1;
    }

    private static int flagSection(Sheet s, int r, Styles styles, PrintLayout.Widths widths, String title, List<Flag> flags) {
        CellStyle bold = styles.bold();
        long added = flags.stream().filter(Flag::added).count();
        cells(s.createRow(r++), bold, title + (added > 0 ? "，其中本次新增 " + added + " 处" : ""));
        if (flags.isEmpty()) {
            cells(s.createRow(r++), null, "无");
            return r;
        }
        cells(s.createRow(r++), bold, "序号", "工作表", "单元格", "报送值", "问题", "状态", "情况说明", added > 0 ? ADDED_HEADER : "",
                CODE_HEADER);
        if (added > 0) { // the 本次新增 column holds 新增 under a longer header: room for the header and the one before it
            widths.see(6, "情况说明");
            widths.see(7, ADDED_HEADER);
        }
        int i = 1;
        for (Flag f : flags) {
            String cell = f.location() == null ? "" : f.location().substring(f.location().indexOf('!') + 1);
            table(s.createRow(r++), styles, widths, String.valueOf(i++), f.sheetName() == null ? "" : f.sheetName(), cell,
                    f.reported() == null ? "" : f.reported(), f.messageZh(),
                    f.reviewState() == null ? "仅提示" : f.reviewState(), f.explanation() == null ? "" : f.explanation(),
                    f.added() ? ADDED : "", f.ruleId());
        }
        return r;
    }

    /** The fill-in form: exactly the explanation-file columns first, so the workbook can be sent back as it is. */
    private static void explanationSheet(Sheet s, List<Flag> flags, Summary summary, Styles styles, CellStyle toFill) {
        CellStyle bold = styles.bold();
        PrintLayout.Widths widths = new PrintLayout.Widths(6, 40);
        int r = 0;
        cells(s.createRow(r++), bold, summary.fileName() + "：待核实数据情况说明（请填写黄色的“情况说明”列和“填报人”，"
                + "将本工作簿放入报送目录的“情况说明”文件夹报送）");
        cells(s.createRow(r++), bold, "指标", "镇街", "期别", "情况说明", "填报人", "指标名称", "位置", "报送值",
                "比较对象", "比较值", "问题", "规则编号");
        for (Flag f : flags) {
            if (!f.open()) {
                continue;
            }
            Row row = s.createRow(r++);
            table(row, styles, widths, f.indicatorCode(), f.townName(), PrintLayout.periodZh(f.periodCode()), "", "", f.indicatorName(),
                    f.location() == null ? "" : f.location(), f.reported() == null ? "" : f.reported(),
                    f.comparedWith() == null ? "" : f.comparedWith(),
                    f.comparedValue() == null ? "" : plain(f.comparedValue()), f.messageZh(), f.ruleId());
            row.getCell(3).setCellStyle(toFill);
            row.getCell(4).setCellStyle(toFill);
        }
        // the bureau writes its explanation in column D: room for it
        widths.see(3, "经核实数据无误，原因如下：一二三四五六");
        widths.see(4, "填报人姓名");
        widths.apply(s);
        // 规则编号 keys the returned form (ExplanationFileReader reads the columns by name, in any order): kept in
        // the last column, hidden, so the bureau reads no codes
        s.setColumnHidden(11, true);
    }

    /**
     * 四、数据清单 under the problem lists: every figure of the file, what became of it (入库, 待核实, 已说明, 已退回),
     * a row each, in the columns of the lists above (行, 工作表, 单元格, 报送值, 指标·镇街·期别, 处理结果, 问题及要求).
     */
    private static int figuresSection(Sheet s, int r, List<String[]> figures, Styles styles, PrintLayout.Widths widths) {
        cells(s.createRow(r++), styles.bold(), FIGURES_TITLE + "（已入库的数据也在此列出）：共 " + figures.size() + " 项");
        cells(s.createRow(r++), styles.bold(), FIGURES_HEADER);
        for (String[] f : figures) {
            String what = java.util.stream.Stream.of(f[3], f[4], f[5]).filter(t -> t != null && !t.isBlank())
                    .collect(java.util.stream.Collectors.joining("·"));
            table(s.createRow(r++), styles, widths, f[1], f[0], f[2], f[6], what, f[7], f[8]);
        }
        return r;
    }

    /** 83.6, 1234, 0.123457: at most six decimals, no exponent, no trailing zeros. */
    static String plain(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        return java.math.BigDecimal.valueOf(value).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static CellStyle fill(SXSSFWorkbook wb, IndexedColors color, IndexedColors fontColor) {
        CellStyle style = wb.createCellStyle();
        style.setFillForegroundColor(color.getIndex());
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        if (fontColor != null) {
            Font font = wb.createFont();
            font.setColor(fontColor.getIndex());
            font.setBold(true);
            style.setFont(font);
        }
        return style;
    }

    /** A table row: every text counted for its column's width; a text too long for the widest column wraps. */
    private static void table(Row row, Styles styles, PrintLayout.Widths widths, String... values) {
        cells(row, null, values);
        for (int c = 0; c < values.length; c++) {
            widths.see(c, values[c]);
            if (widths.wraps(values[c])) {
                row.getCell(c).setCellStyle(styles.wrap());
                row.setHeightInPoints(Math.max(row.getHeightInPoints(), widths.lines(values[c]) * 15f));
            }
        }
    }

    private static CellStyle wrap(SXSSFWorkbook wb) {
        CellStyle style = wb.createCellStyle();
        style.setWrapText(true);
        style.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        return style;
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            SafeText.cell(cell, values[c]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
