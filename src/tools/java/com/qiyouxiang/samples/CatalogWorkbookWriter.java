package com.qiyouxiang.samples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the indicator catalog workbook: the plan's table 表 诸暨市公共服务"七优享"五年目标, transcribed
 * cell by cell from 诸政办发〔2023〕10号 as a clerk would type it into Excel (text cells, 领域 merged
 * over its rows, the closing 注 row). Variants reproduce the same table saved by other programs:
 * numbers stored as numbers (so "4.0" becomes 4) and legacy .xls.
 */
public final class CatalogWorkbookWriter {

    /** The plan's table, tab-separated, exactly as printed (an empty 领域 cell continues the one above). */
    public static final String PLAN_TABLE = """
            幼有善育	*1	每千人口拥有3岁以下婴幼儿托位数(个)	3.5	4.0	4.3	4.6	5.0	5.5	卫生健康局
            	2	普惠托位占比(%)	60	63	65	68	70	72	卫生健康局
            	3	0-3岁儿童发育监测筛查率(%)	93	95	95	95	95	95	卫生健康局
            学有优教	4	通过国家学前教育普及普惠县省级督导评估率(%)	100	100	100	100	100	100	教体局
            	*5	通过国家义务教育优质均衡发展县省级评估率(%)	100	100	100	100	100	100	教体局
            	6	高等教育毛入学率(%)	/	70	71	72	73	74	教体局
            劳有所得	▲7	城镇调查失业率(%)	/	/	/	/	/	/	人社局
            	*8	欠薪线索动态化解率(%)	93.0	94.0	94.5	95.0	95.5	96.0	人社局
            	9	开展职业技能培训累计数(万人次)	4.3	6.8	9	11	13	15	人社局
            病有良医	*10	人均预期寿命(岁)	82.12	82.36	82.45	83.00	83.01	83.05	卫生健康局
            	11	重大慢病过早死亡率(%)	9.64	9.40	9.20	9.00	8.70	8.50	卫生健康局
            	12	“浙里惠民保”投保率(%)	72.66	>70	>70	>70	>70	>70	医保局
            老有康养	*13	每万人老年人口拥有持证养老护理员数(人)	22	23	24	25	26	27	民政局
            	14	基本养老保险参保人数(万人)	83.0	83.6	84.2	84.8	85.4	86.0	人社局
            	▲15	长期护理保险覆盖人群(万人)	/	/	/	/	/	/	医保局
            住有宜居	16	城镇住房保障受益覆盖率(%)	/	16	17	19	20	21	建设局
            	*17	保障性租赁住房累计建设筹集套(间)数(万套)	/	0.90	1.12	1.36	1.36	1.36	建设局
            	18	住宅小区专业物业服务覆盖率(%)	/	85.0	87.5	90.0	92.5	95.0	建设局
            弱有众扶	*19	最低生活保障年标准(元)	12600	13200	>14000	>15000	>16000	>17000	民政局
            	20	困难群众医疗费用综合保障率(%)	80	82	83	85	87	90	医保局
            	21	“残疾人之家”覆盖率(%)	86.9	94	94	94	94	95	残联
            """;

    static final String TITLE = "表 诸暨市公共服务“七优享”五年目标";
    static final String[] HEADER = {"领域", "序号", "指标", "2022年基础值", "2023年", "2024年", "2025年", "2026年", "2027年", "责任单位"};
    static final String FOOTNOTE = "注：带*号为省定核心指标；带▲为探索和观察性指标不作目标要求";

    /** How the file was saved. */
    public enum Variant {
        /** Excel, typed as text: "4.0" stays "4.0". */
        TYPED_XLSX,
        /** Saved by LibreOffice/WPS as .xlsx: numbers are numbers (4.0 arrives as 4). */
        NUMERIC_XLSX,
        /** Legacy .xls with numbers as numbers. */
        NUMERIC_XLS
    }

    private CatalogWorkbookWriter() {
    }

    public static void write(Path file, Variant variant) throws IOException {
        write(file, variant, PLAN_TABLE);
    }

    /** Writes a catalog with the given table body (tests pass edited copies of PLAN_TABLE). */
    public static void write(Path file, Variant variant, String table) throws IOException {
        try (Workbook wb = variant == Variant.NUMERIC_XLS ? new HSSFWorkbook() : new XSSFWorkbook()) {
            Sheet sheet = wb.createSheet("五年目标");
            CellStyle wrap = wb.createCellStyle();
            wrap.setWrapText(true);
            row(sheet, 0).createCell(0).setCellValue(TITLE);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.length - 1));
            Row header = row(sheet, 1);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            int r = 2;
            int domainStart = -1;
            for (String line : table.strip().split("\n")) {
                String[] cells = line.split("\t", -1);
                if (!cells[0].isEmpty()) {
                    if (domainStart >= 0 && r - 1 > domainStart) {
                        sheet.addMergedRegion(new CellRangeAddress(domainStart, r - 1, 0, 0));
                    }
                    domainStart = r;
                }
                Row row = row(sheet, r++);
                for (int c = 0; c < cells.length; c++) {
                    if (cells[c].isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    boolean number = cells[c].matches("[0-9]+(\\.[0-9]+)?");
                    if (variant != Variant.TYPED_XLSX && number && c >= 3) {
                        cell.setCellValue(Double.parseDouble(cells[c]));
                    } else {
                        cell.setCellValue(cells[c]);
                    }
                }
            }
            if (domainStart >= 0 && r - 1 > domainStart) {
                sheet.addMergedRegion(new CellRangeAddress(domainStart, r - 1, 0, 0));
            }
            row(sheet, r).createCell(0).setCellValue(FOOTNOTE);
            sheet.addMergedRegion(new CellRangeAddress(r, r, 0, HEADER.length - 1));
            sheet.setColumnWidth(2, 48 * 256);
            Files.createDirectories(file.toAbsolutePath().getParent());
            SheetBuilder.writeReproducibly(wb, file);
        }
    }

    private static Row row(Sheet sheet, int r) {
        Row row = sheet.getRow(r);
        return row == null ? sheet.createRow(r) : row;
    }
}
