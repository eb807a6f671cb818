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

import com.qiyouxiang.warehouse.Reject;

/**
 * The 退回修改 workbook for a file with rejected cells: a 退回说明 sheet in Chinese (the file, the
 * counts, every problem with its cell, what was there and what is expected), then a copy of each
 * sheet read, streamed from the original, with every bad cell highlighted and a comment saying
 * what is wrong and what is expected. Written with SXSSF, so its size does not matter.
 */
final class FeedbackWorkbookWriter {

    private FeedbackWorkbookWriter() {
    }

    record Summary(String fileName, String bureauName, String period, String mappingId, String counts,
                   long rejected) {
    }

    /** @param maxMarks at most this many cells get a highlight and a comment (comments stay in memory until written) */
    static void write(Path source, List<String> sheets, List<Reject> rejects, Summary summary, int maxMarks, Path target)
            throws IOException {
        Map<String, Map<Integer, Map<Integer, Reject>>> marks = new HashMap<>();
        int marked = 0;
        for (Reject r : rejects) {
            if (r.cellRef() == null || marked++ >= maxMarks) {
                continue;
            }
            CellReference ref = new CellReference(r.cellRef());
            marks.computeIfAbsent(r.sheetName(), k -> new HashMap<>())
                    .computeIfAbsent(ref.getRow() + 1, k -> new HashMap<>())
                    .putIfAbsent((int) ref.getCol(), r);
        }
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (SXSSFWorkbook wb = new SXSSFWorkbook(200); WorkbookSource in = WorkbookSource.open(source)) {
            CellStyle bad = wb.createCellStyle();
            bad.setFillForegroundColor(IndexedColors.YELLOW.getIndex());
            bad.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            Font red = wb.createFont();
            red.setColor(IndexedColors.RED.getIndex());
            red.setBold(true);
            bad.setFont(red);
            CellStyle bold = wb.createCellStyle();
            Font b = wb.createFont();
            b.setBold(true);
            bold.setFont(b);
            summarySheet(wb.createSheet("退回说明"), rejects, summary, bold);
            CreationHelper helper = wb.getCreationHelper();
            for (String name : sheets) {
                Sheet out = wb.createSheet(name);
                Drawing<?> drawing = out.createDrawingPatriarch();
                Map<Integer, Map<Integer, Reject>> sheetMarks = marks.getOrDefault(name, Map.of());
                in.read(name, row -> {
                    Row r = out.createRow(row.rowNumber() - 1);
                    for (RawCell c : row.cells()) {
                        Cell cell = r.createCell(c.column());
                        if (c.kind() == RawCell.Kind.NUMBER) {
                            cell.setCellValue(c.number());
                        } else {
                            cell.setCellValue(c.text());
                        }
                    }
                    for (var mark : sheetMarks.getOrDefault(row.rowNumber(), Map.of()).entrySet()) {
                        Cell cell = r.getCell(mark.getKey());
                        if (cell == null) {
                            cell = r.createCell(mark.getKey());
                        }
                        cell.setCellStyle(bad);
                        ClientAnchor anchor = helper.createClientAnchor();
                        anchor.setCol1(mark.getKey());
                        anchor.setCol2(mark.getKey() + 4);
                        anchor.setRow1(row.rowNumber() - 1);
                        anchor.setRow2(row.rowNumber() + 3);
                        Comment comment = drawing.createCellComment(anchor);
                        comment.setAuthor("七优享数据仓");
                        comment.setString(helper.createRichTextString(mark.getValue().messageZh()));
                        comment.setAddress(cell.getAddress());
                        cell.setCellComment(comment);
                    }
                });
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
        }
        Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private static void summarySheet(Sheet s, List<Reject> rejects, Summary summary, CellStyle bold) {
        int r = 0;
        cells(s.createRow(r++), bold, "退回修改通知");
        cells(s.createRow(r++), null, "文件", summary.fileName());
        cells(s.createRow(r++), null, "填报单位", summary.bureauName());
        cells(s.createRow(r++), null, "报告期", summary.period() == null ? "" : summary.period());
        cells(s.createRow(r++), null, "适用模板", summary.mappingId());
        cells(s.createRow(r++), null, "处理结果", summary.counts());
        cells(s.createRow(r++), null, "说明", "共 " + summary.rejected() + " 处数据未能入库" + (summary.rejected() > rejects.size()
                ? "（下表列出前 " + rejects.size() + " 处）" : "") + "。请按“问题及要求”修改原表中标黄的单元格"
                + "（批注中有说明），修改后重新报送整份文件；其余数据已入库，重新报送后以新报送的数据为准。");
        r++;
        cells(s.createRow(r++), bold, "序号", "工作表", "单元格", "原填内容", "问题及要求", "原因代码");
        int i = 1;
        for (Reject rej : rejects) {
            cells(s.createRow(r++), null, String.valueOf(i++), rej.sheetName(),
                    rej.cellRef() == null ? "" : rej.cellRef().substring(rej.cellRef().indexOf('!') + 1),
                    rej.rawValue() == null ? "" : rej.rawValue(), rej.messageZh(), rej.reasonCode());
        }
        s.setColumnWidth(0, 12 * 256);
        s.setColumnWidth(1, 16 * 256);
        s.setColumnWidth(3, 16 * 256);
        s.setColumnWidth(4, 80 * 256);
    }

    private static void cells(Row row, CellStyle style, String... values) {
        for (int c = 0; c < values.length; c++) {
            Cell cell = row.createCell(c);
            cell.setCellValue(values[c]);
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }
}
