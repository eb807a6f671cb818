package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.qiyouxiang.batch.InjectionStrings;
import com.qiyouxiang.warehouse.Reject;

/**
 * The classic injection strings through the feedback workbooks (退回修改 / 数据核实 with the 情况说明 form, and
 * 退回重报): in the copied sheets, in the rejected values, in the explanations and messages, each is a string
 * cell and no cell of the workbook is a formula.
 */
class FeedbackNeutralisedTest {

    @Test
    void feedbackWorkbookHoldsInjectionStringsAsText(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("卫健局报表.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(source)) {
            Sheet sheet = wb.createSheet("Sheet1");
            for (int i = 0; i < InjectionStrings.ALL.size(); i++) {
                Row row = sheet.createRow(i);
                row.createCell(0).setCellValue(InjectionStrings.ALL.get(i));
                row.createCell(1).setCellValue(i);
            }
            wb.write(out);
        }
        List<Reject> rejects = new ArrayList<>();
        List<FeedbackWorkbookWriter.Flag> flags = new ArrayList<>();
        for (int i = 0; i < InjectionStrings.ALL.size(); i++) {
            String evil = InjectionStrings.ALL.get(i);
            rejects.add(new Reject("Sheet1", (long) i + 1, "A" + (i + 1), evil, "BAD_NUMBER", evil));
            flags.add(new FeedbackWorkbookWriter.Flag("核实性", evil, evil, evil, evil, "2026Q3", "Sheet1", "Sheet1!B" + (i + 1),
                    evil, evil, 1.0, evil, "pending", evil));
        }
        // the 数据清单 (every figure of the file with its outcome) carries the strings in every column too
        List<String[]> figures = new java.util.ArrayList<>();
        for (String evil : InjectionStrings.ALL) {
            String[] figure = new String[FeedbackWorkbookWriter.FIGURE_HEADERS.length];
            java.util.Arrays.fill(figure, evil);
            figures.add(figure);
        }
        Path target = dir.resolve("out/卫健局报表_退回修改.xlsx");
        FeedbackWorkbookWriter.write(source, List.of("Sheet1"), rejects, flags, figures,
                new FeedbackWorkbookWriter.Summary("卫健局报表.xlsx", "=1+1", "2026Q3", "@SUM(1+1)", "-2+3", 9, 9, 9, 0),
                100, 100, target);
        List<String> strings = InjectionStrings.stringCellsWithoutFormulas(target);
        assertThat(strings).containsAll(InjectionStrings.ALL);

        Path refused = RefusedFileFeedback.write(dir.resolve("fb"), dir.resolve("=1+1.pdf"), "+cmd|' /C calc'!A0", "@SUM(1+1)");
        assertThat(InjectionStrings.stringCellsWithoutFormulas(refused)).contains("+cmd|' /C calc'!A0", "@SUM(1+1)");
    }
}
