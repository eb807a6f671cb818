package com.qiyouxiang.intake.spreadsheet;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import com.qiyouxiang.warehouse.Reject;

/**
 * Feedback workbooks written by the real {@link FeedbackWorkbookWriter} from hand-made findings, for the tests of
 * other packages (the explanation round trip in validation): the bureau's sheet "Sheet1" with the reported values at
 * their cells, then the workbook, as the ingest writes it.
 */
public final class FeedbackWorkbooks {

    /** A 核实性 finding, 待核实 (it gets a row in the form) or not ({@code open} false: 已说明). */
    public record Finding(String ruleId, String indicatorCode, String indicatorName, String townName, String periodCode,
                          String cell, double reported, String message, boolean open) {
    }

    private FeedbackWorkbooks() {
    }

    /**
     * Writes {@code <dir>/<stem>.xlsx} (the bureau's file) and its feedback workbook {@code <dir>/out/<stem>_数据核实.xlsx}
     * (or 退回修改 when {@code rejects} is not empty), every finding's figure also listed in 数据清单, with
     * {@code extraFigures} more accepted ones.
     */
    public static Path write(Path dir, String stem, List<Finding> findings, List<Reject> rejects, int extraFigures,
                             int onePageRows) throws Exception {
        Path source = dir.resolve(stem + ".xlsx");
        Files.createDirectories(dir);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(source)) {
            Sheet sheet = wb.createSheet("Sheet1");
            sheet.createRow(0).createCell(0).setCellValue(stem);
            for (Finding f : findings) {
                CellReference ref = new CellReference(f.cell());
                Row row = sheet.getRow(ref.getRow()) == null ? sheet.createRow(ref.getRow()) : sheet.getRow(ref.getRow());
                row.createCell(ref.getCol()).setCellValue(f.reported());
                row.createCell(0).setCellValue(f.townName());
            }
            wb.write(out);
        }
        List<FeedbackWorkbookWriter.Flag> flags = new ArrayList<>();
        List<String[]> figures = new ArrayList<>();
        for (Finding f : findings) {
            String state = f.open() ? "待核实" : "已说明";
            flags.add(new FeedbackWorkbookWriter.Flag("核实性", f.ruleId(), f.indicatorCode(), f.indicatorName(), f.townName(),
                    f.periodCode(), "Sheet1", "Sheet1!" + f.cell(), FeedbackWorkbookWriter.plain(f.reported()), "上季度", 100.0,
                    f.message(), state, f.open() ? null : "已有说明"));
            figures.add(new String[] {"Sheet1", String.valueOf(new CellReference(f.cell()).getRow() + 1), f.cell(), f.indicatorName(),
                    f.townName(), f.periodCode(), FeedbackWorkbookWriter.plain(f.reported()), "已入库，" + state, ""});
        }
        for (int i = 0; i < extraFigures; i++) {
            figures.add(new String[] {"Sheet1", String.valueOf(100 + i), "C" + (100 + i), "基本养老保险参保人数", "枫桥镇",
                    "2024年第二季度", String.valueOf(i), "已入库", ""});
        }
        long open = findings.stream().filter(Finding::open).count();
        Path target = dir.resolve("out").resolve(stem + (rejects.isEmpty() ? "_数据核实.xlsx" : "_退回修改.xlsx"));
        FeedbackWorkbookWriter.write(source, List.of("Sheet1"), rejects, flags, figures,
                new FeedbackWorkbookWriter.Summary(stem + ".xlsx", "诸暨市人力资源和社会保障局", "2024Q2", "人社局 分镇街指标（季度）",
                        "读取 " + figures.size() + " 条", rejects.size(), findings.size(), open, 0),
                1000, onePageRows, target);
        return target;
    }

    /** The row (0-based) of 反馈说明 whose first cell starts with {@code title}, or -1. */
    public static int sectionRow(Sheet notice, String title) {
        for (int r = 0; r <= notice.getLastRowNum(); r++) {
            Row row = notice.getRow(r);
            if (row != null && row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith(title)) {
                return r;
            }
        }
        return -1;
    }
}
