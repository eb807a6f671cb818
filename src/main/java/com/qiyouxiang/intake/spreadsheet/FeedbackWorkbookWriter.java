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
 * <li>a 反馈说明 sheet in Chinese ({@link FeedbackNotice}): the file, the counts, then 一、强制性 (rejected cells, to be
 * corrected and sent again), 二、核实性 (loaded, 待核实 until a 情况说明 arrives, or 已说明 with it), 三、提示性 (for
 * information), 四、情况说明 (the explanation form of the 待核实 figures: the bureau fills in its yellow cells and puts
 * the workbook into the inbox's 情况说明 folder, and each figure becomes 已说明) and 五、数据清单 (every figure of the
 * file with its outcome, so the bureau sees what was accepted too; a 数据清单 sheet of its own when it is long);
 * printed on one page when it is short;</li>
 * <li>a copy of each sheet concerned, streamed from the original, every flagged cell highlighted
 * (强制性 yellow with red text, 核实性 orange, 提示性 light blue) with a comment saying what is wrong; fit to the
 * page width, and onto one page when it is short.</li>
 * </ol>
 * Written with SXSSF, so its size does not matter. A supplementary workbook (补充反馈表, {@link LaterFeedback}) is the
 * same, titled （补充）, with the findings it tells for the first time marked 新增 ({@link Flag#added}).
 */
final class FeedbackWorkbookWriter {

    static final String SUMMARY_SHEET = "反馈说明";
    /** The fields of a figure, as sql/statements/spreadsheet/feedback_figures.sql returns them. */
    static final String[] FIGURE_HEADERS = {"工作表", "行", "单元格", "指标名称", "镇街", "期别", "报送值", "处理结果", "问题及要求"};
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
     * @param source      the file as it was received (its sheets are copied), or null with no {@code sheets} (the
     *                    archived copy is gone: the workbook is 反馈说明 alone, with its 情况说明 form)
     * @param maxMarks    at most this many cells get a highlight and a comment (comments stay in memory until written)
     * @param onePageRows a sheet of at most this many rows prints on one page; a longer 数据清单 gets a sheet of its own
     */
    static void write(Path source, List<String> sheets, List<Reject> rejects, List<Flag> flags, List<String[]> figures,
                      Summary summary, int maxMarks, int onePageRows, Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); WorkbookSource in = sheets.isEmpty() ? null : WorkbookSource.open(source)) {
            CellStyle bad = fill(wb, IndexedColors.YELLOW, IndexedColors.RED);
            CellStyle verify = fill(wb, IndexedColors.LIGHT_ORANGE, null);
            CellStyle hint = fill(wb, IndexedColors.LIGHT_TURQUOISE, null);
            FeedbackNotice.Styles styles = FeedbackNotice.Styles.of(wb, fill(wb, IndexedColors.LIGHT_YELLOW, null));

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
                        ? "·已说明" : "·待核实，请在“反馈说明”表的“四、情况说明”中说明") : "");
                if (f.location() != null && f.location().contains("!") && marked < maxMarks
                        && mark(marks, f.sheetName(), f.location(), new Mark(isVerify ? verify : hint,
                        "【" + f.tier() + state + "】" + f.messageZh()))) {
                    marked++;
                }
            }

            FeedbackNotice.write(wb, rejects, flags, figures, summary, styles, onePageRows);
            String period = PrintLayout.periodZh(summary.period());
            CreationHelper helper = wb.getCreationHelper();
            for (String name : sheets) {
                Sheet out = wb.createSheet(name);
                Drawing<?> drawing = out.createDrawingPatriarch();
                Map<Integer, Map<Integer, Mark>> sheetMarks = marks.getOrDefault(name, Map.of());
                PrintLayout.Widths widths = new PrintLayout.Widths(6, 30);
                int[] rows = {0};
                in.read(name, row -> {
                    rows[0] = Math.max(rows[0], row.rowNumber());
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
                PrintLayout.apply(out, false, -1, summary.fileName() + "·" + name + "（已标注问题单元格）", period);
                // onto one page as large as it fits; a long one runs down landscape pages when it is wide
                PrintLayout.fit(out, widths.columns(), rows[0], onePageRows, widths.total() > 95);
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
}
