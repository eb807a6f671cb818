package com.qiyouxiang.operations;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A hostile corpus, generated (no downloads) into a test's inbox: the files that break readers in the real world,
 * made from one real sample workbook (残联's quarterly report, so that the template recognises them and their parse
 * really runs) and from the platform's indicator export format. {@link #EXPECTED} gives, per file (its path
 * relative to the inbox), what it must end as: a status and a phrase of its Chinese reason, or {@link #ACCOUNTED}
 * where any recorded outcome will do (the finite-number, masking and escaping rules are issue 14's other items).
 */
final class HostileFiles {

    /** Any status: the file is in etl_file, whatever became of it. */
    static final String ACCOUNTED = "*";

    /** Relative path -> "status|phrase of the reason" (or ACCOUNTED). */
    static final Map<String, String> EXPECTED = new LinkedHashMap<>();

    static final String BOMB = "残联2026年第三季度指标报送（压缩炸弹）.xlsx";
    static final String HUGE_ROW = "残联2026年第三季度指标报送（超大行号）.xlsx";
    static final String HUGE_STRING = "残联2026年第三季度指标报送（超长字符串）.xlsx";

    static {
        EXPECTED.put(BOMB, "failed|超出允许的最大行数");
        EXPECTED.put(HUGE_ROW, "failed|第 2,000,000,000 行超出允许的最大行数");
        EXPECTED.put(HUGE_STRING, "failed|个字符");
        EXPECTED.put("残联2026年第三季度指标报送（不完整）.xlsx", "failed|");
        EXPECTED.put("情况说明/情况说明_残联_不完整.xlsx", "failed|");
        EXPECTED.put("残联2026年第三季度指标报送（密码）.xlsx", "failed|加密文件");
        EXPECTED.put("残联2026年第三季度指标报送（其实是文本）.xlsx", "failed|不是有效的 Excel 工作簿");
        EXPECTED.put("平台_指标数据_其实是工作簿.csv", ACCOUNTED);
        EXPECTED.put("残联2026年第三季度指标报送（非数值）.xlsx", ACCOUNTED);
        EXPECTED.put("残联2026年第三季度指标报送（外部实体）.xlsx", "failed|");
        EXPECTED.put("残联2026年第三季度指标报送（实体膨胀）.xlsx", "failed|");
        EXPECTED.put("平台_指标数据_2026Q3_混入GBK.csv", "unrecognised|字节偏移");
        EXPECTED.put("平台_指标数据_2026Q3_空字符.csv", ACCOUNTED);
        EXPECTED.put("平台_指标数据_2026Q3_超长行.csv", "failed|第 3 行第 4 个字段超过 32,767 个字符");
        EXPECTED.put("平台_指标数据_2026Q3_公式.csv", ACCOUNTED);
        EXPECTED.put("残联2026年第二季度指标报送（公式）.xlsx", ACCOUNTED);
        EXPECTED.put("情况说明/情况说明_公式.csv", ACCOUNTED);
        EXPECTED.put("子文件夹/更深/某系统导出_未知格式.txt", "unrecognised|无法识别的数据导出");
    }

    static final String[] FORMULAS = {"=HYPERLINK(\"http://example.invalid/x\",\"点击\")", "+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0",
            "-2+3+cmd|' /C calc'!A0"};

    private HostileFiles() {
    }

    /** @param workbook the sample workbook every hostile workbook is made from (残联2026年第三季度指标报送.xlsx) */
    static void drop(Path inbox, Path workbook) throws Exception {
        Files.createDirectories(inbox.resolve("情况说明"));
        Files.createDirectories(inbox.resolve("子文件夹/更深"));
        byte[] base = Files.readAllBytes(workbook);
        Random random = new Random(14);

        // a zip bomb padded to pass POI's compression-ratio guard: 1.1 million rows (27 MB of XML) behind a comment of
        // random text big enough that the sheet's compressed size stays above 1 % of its inflated size
        byte[] padding = new byte[400_000];
        random.nextBytes(padding);
        String comment = "<!--" + Base64.getEncoder().encodeToString(padding) + "-->";
        write(inbox.resolve(BOMB), rewrite(base, Map.of("xl/worksheets/sheet1.xml", xml -> {
            StringBuilder rows = new StringBuilder(comment);
            for (int i = 0; i < 1_100_000; i++) {
                rows.append("<row><c/><c/><c/></row>");
            }
            return xml.replace("</sheetData>", rows + "</sheetData>");
        })));
        // one row numbered 2,000,000,000 in a 4 KB file
        write(inbox.resolve(HUGE_ROW), rewrite(base, Map.of("xl/worksheets/sheet1.xml",
                xml -> xml.replace("</sheetData>", "<row r=\"2000000000\"><c r=\"A2000000000\"><v>1</v></c></row></sheetData>"))));
        // a shared string of 2 million characters (the title cell's)
        StringBuilder huge = new StringBuilder(2_000_000);
        for (int i = 0; i < 2_000_000; i++) {
            huge.append((char) ('a' + random.nextInt(26)));
        }
        write(inbox.resolve(HUGE_STRING), rewrite(base, Map.of("xl/sharedStrings.xml",
                xml -> xml.replace("<t>残联2026年第三季度指标报送表</t>", "<t>" + huge + "</t>"))));
        // truncated: the first 60 % of the bytes in the inbox, 55 % in 情况说明/ (the same content would be recorded once)
        write(inbox.resolve("残联2026年第三季度指标报送（不完整）.xlsx"), java.util.Arrays.copyOf(base, base.length * 6 / 10));
        write(inbox.resolve("情况说明/情况说明_残联_不完整.xlsx"), java.util.Arrays.copyOf(base, base.length * 55 / 100));
        MistakenFiles.encrypt(workbook, inbox.resolve("残联2026年第三季度指标报送（密码）.xlsx"));
        // wrong extensions: text named .xlsx, a workbook named .csv
        Files.writeString(inbox.resolve("残联2026年第三季度指标报送（其实是文本）.xlsx"), "序号,指标名称,本期值\n1,“残疾人之家”覆盖率,95.1\n");
        write(inbox.resolve("平台_指标数据_其实是工作簿.csv"), base);
        // NaN and Infinity where the figures are
        write(inbox.resolve("残联2026年第三季度指标报送（非数值）.xlsx"), rewrite(base, Map.of("xl/worksheets/sheet1.xml",
                xml -> xml.replace("<v>94.0</v>", "<v>NaN</v>").replace("<v>95.1</v>", "<v>Infinity</v>"))));
        // XXE and billion laughs in the sheet XML
        write(inbox.resolve("残联2026年第三季度指标报送（外部实体）.xlsx"), rewrite(base, Map.of("xl/worksheets/sheet1.xml",
                xml -> xml.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>").replace("<v>1.0</v>", "<v>&xxe;</v>"))));
        StringBuilder laughs = new StringBuilder("<!DOCTYPE worksheet [<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]>");
        write(inbox.resolve("残联2026年第三季度指标报送（实体膨胀）.xlsx"), rewrite(base, Map.of("xl/worksheets/sheet1.xml",
                xml -> xml.replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + laughs)
                        .replace("<v>1.0</v>", "<v>&lol9;</v>"))));
        // platform indicator exports: a GBK line inside UTF-8, NUL bytes, a 10 MB line, formula strings in every text field
        String header = "指标编码,指标名称,行政区划代码,行政区划名称,统计期,指标值,计量单位,数据来源部门,更新时间\n";
        String good = "H21,残疾人之家覆盖率,330681001000,暨阳街道,2026Q3,95.0,%,残联,2026-10-08 09:00:00\n";
        ByteArrayOutputStream gbk = new ByteArrayOutputStream();
        gbk.write((header + good).getBytes(StandardCharsets.UTF_8));
        gbk.write("H21,残疾人之家覆盖率,330681002000,陶朱街道,2026Q3,96.0,%,残联,2026-10-08 09:00:00\n".getBytes(Charset.forName("GBK")));
        gbk.write(good.getBytes(StandardCharsets.UTF_8));
        write(inbox.resolve("平台_指标数据_2026Q3_混入GBK.csv"), gbk.toByteArray());
        Files.writeString(inbox.resolve("平台_指标数据_2026Q3_空字符.csv"), header + good.replace("暨阳街道", "暨阳\0街道")
                + "H21,残疾人之家覆盖率,330681002000,陶\0\0朱街道,2026Q3,9\0" + "6.0,%,残联,2026-10-08 09:00:00\n");
        Files.writeString(inbox.resolve("平台_指标数据_2026Q3_超长行.csv"), header + good + "H21,残疾人之家覆盖率,330681002000,"
                + "陶".repeat((10 << 20) / 3) + ",2026Q3,96.0,%,残联,2026-10-08 09:00:00\n");
        StringBuilder formulas = new StringBuilder(header);
        for (String f : FORMULAS) {
            String q = "\"" + f.replace("\"", "\"\"") + "\"";
            formulas.append("H21,").append(q).append(",330681001000,").append(q).append(",2026Q3,95.0,").append(q).append(",")
                    .append(q).append(",").append(q).append('\n');
        }
        Files.writeString(inbox.resolve("平台_指标数据_2026Q3_公式.csv"), formulas);
        write(inbox.resolve("残联2026年第二季度指标报送（公式）.xlsx"), rewrite(base, Map.of("xl/sharedStrings.xml",
                xml -> xml.replace("填报人：吴芳", "填报人：" + escape(FORMULAS[0])).replace("<t>%</t>", "<t>%</t>"),
                "xl/worksheets/sheet1.xml", xml -> xml.replace("<c r=\"E4\" t=\"n\" s=\"0\"><v>95.1</v></c>",
                        "<c r=\"E4\" t=\"n\" s=\"0\"><v>95.1</v></c><c r=\"F4\" t=\"inlineStr\"><is><t>" + escape(FORMULAS[1]) + "</t></is></c>"))));
        StringBuilder explanations = new StringBuilder("规则编号,指标,镇街,期别,情况说明,填报人\n");
        for (String f : FORMULAS) {
            String q = "\"" + f.replace("\"", "\"\"") + "\"";
            explanations.append(q).append(",H21,暨阳街道,2026Q3,").append(q).append(',').append(q).append('\n');
        }
        Files.writeString(inbox.resolve("情况说明/情况说明_公式.csv"), explanations);
        Files.writeString(inbox.resolve("子文件夹/更深/某系统导出_未知格式.txt"), "编号\t名称\n1\t甲\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Files.write(target, bytes);
    }

    /** The workbook with some of its parts' XML rewritten (every other part copied as it is). */
    static byte[] rewrite(byte[] xlsx, Map<String, UnaryOperator<String>> parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(xlsx));
             ZipOutputStream zip = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                UnaryOperator<String> change = parts.get(e.getName());
                if (change != null) {
                    content = change.apply(new String(content, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(content);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

}
