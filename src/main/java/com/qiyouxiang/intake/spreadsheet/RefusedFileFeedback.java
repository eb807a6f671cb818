package com.qiyouxiang.intake.spreadsheet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.qiyouxiang.batch.PrintLayout;
import com.qiyouxiang.batch.SafeText;

/**
 * The feedback for a file that could not be read at all (a PDF, an encrypted or damaged workbook, an
 * empty file) from a bureau recognised by its name: {@code <name>_退回重报.xlsx} under
 * {@code <feedback-dir>/<date>/}, one 反馈说明 sheet saying which file, why, and what to send instead, printed on one
 * A4 page.
 */
final class RefusedFileFeedback {

    private static final Logger log = LoggerFactory.getLogger(RefusedFileFeedback.class);

    private RefusedFileFeedback() {
    }

    /** @return the workbook written, or null when it could not be written (logged; the file stays refused) */
    static Path write(Path feedbackDir, Path file, String bureauName, String reasonZh) {
        String name = file.getFileName().toString();
        Path target = feedbackDir.resolve(LocalDate.now().toString()).resolve(name.replaceAll("\\.[^.]*$", "") + "_退回重报.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet(FeedbackWorkbookWriter.SUMMARY_SHEET);
            XSSFCellStyle bold = wb.createCellStyle();
            Font font = wb.createFont();
            font.setBold(true);
            bold.setFont(font);
            String[][] rows = {
                    {"七优享数据报送反馈：文件未能读取，请重新报送"},
                    {"报送单位", bureauName},
                    {"文件", name},
                    {"处理结果", "未入库（文件中的任何数据都没有读取）"},
                    {"原因", reasonZh},
                    {"请您", "按上述原因处理后，用 Excel 工作簿（.xlsx）按原报表格式重新报送；重新报送的文件会自动读取。"}};
            for (int i = 0; i < rows.length; i++) {
                var row = sheet.createRow(i == 0 ? 0 : i + 1);
                for (int j = 0; j < rows[i].length; j++) {
                    var cell = row.createCell(j);
                    SafeText.cell(cell, rows[i][j]);
                    if (j == 0) {
                        cell.setCellStyle(bold);
                    }
                }
            }
            sheet.setColumnWidth(0, 14 * 256);
            sheet.setColumnWidth(1, 90 * 256);
            // printed like the other feedback workbooks: A4, page header and number; a few rows, so one page
            PrintLayout.apply(sheet, false, -1, name + "·退回重报通知", "");
            sheet.getPrintSetup().setFitHeight((short) 1);
            Files.createDirectories(target.toAbsolutePath().getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException | RuntimeException e) {
            log.warn("{}: the 退回重报 feedback workbook could not be written: {}", name, e.toString());
            return null;
        }
    }
}
