package com.qiyouxiang.reply;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Chinese texts of the replies, built from the rows of sql/statements/reply/: no product paths, mapping ids or
 * reason codes, only what the bureau sent, what became of it and what to do.
 */
final class ReplyTexts {

    static final String SIGNATURE = "\n\n此邮件由七优享数据系统自动发送。如有疑问，请与市七优享数据专班联系。";

    private ReplyTexts() {
    }

    /** A receipt for one mailed message: one paragraph per file; the feedback workbooks to attach are added to {@code attach}. */
    static Outgoing receipt(List<Map<String, Object>> files, Path feedbackDir) {
        Map<String, Object> first = files.get(0);
        String bureau = (String) first.get("bureau_name");
        List<Path> attach = new ArrayList<>();
        List<String> paragraphs = new ArrayList<>();
        boolean returned = false;
        boolean verify = false;
        for (Map<String, Object> f : files) {
            String name = (String) f.get("file_name");
            String status = (String) f.get("status");
            long read = number(f, "rows_read");
            long loaded = number(f, "rows_loaded");
            long rejected = number(f, "rows_rejected");
            long ignored = number(f, "rows_ignored");
            long toVerify = number(f, "to_verify");
            if (status == null || !status.startsWith("loaded")) {
                paragraphs.add("《" + name + "》未能入库：" + (f.get("message") == null ? "文件无法读取" : f.get("message"))
                        + "。请核对后重新报送。");
                returned = true;
                continue;
            }
            String counts = String.format("读取 %d 行，入库 %d 行，退回 %d 行，忽略 %d 行（标题、表头、空行等）", read, loaded, rejected, ignored);
            String stem = name.replaceAll("\\.(xlsx|xlsm|xls|csv)$", "");
            Path day = f.get("processed_day") == null ? feedbackDir : feedbackDir.resolve(f.get("processed_day").toString());
            if (rejected > 0) {
                returned = true;
                paragraphs.add(withWorkbook(day.resolve(stem + "_退回修改.xlsx"), attach, "《" + name + "》退回修改：" + counts
                        + "。有 " + rejected + " 处数据未能入库，", "中“反馈说明”表逐项修改后重新报送（修改后的文件按新版本入库）。",
                        "请按退回原因修改后重新报送。"));
            } else if (toVerify > 0) {
                verify = true;
                paragraphs.add(withWorkbook(day.resolve(stem + "_数据核实.xlsx"), attach, "《" + name + "》已入库，" + counts
                        + "。其中 " + toVerify + " 处数据需要核实（待核实），", "的“反馈说明”表“四、情况说明”中填写说明和填报人后交回。", "请说明情况。"));
            } else {
                paragraphs.add("《" + name + "》已收到并入库：" + counts + "。");
            }
        }
        String kind = returned ? "returned" : verify ? "verify" : "receipt";
        String title = returned ? "退回修改" : verify ? "数据核实" : "已收到";
        String subject = "【七优享】" + title + "：" + files.get(0).get("file_name") + (files.size() > 1 ? " 等 " + files.size() + " 个文件" : "");
        String body = bureau + "：\n\n您单位报送的七优享数据已处理，结果如下：\n\n" + String.join("\n\n", paragraphs) + SIGNATURE;
        return new Outgoing("receipt:" + first.get("message_id"), kind, (String) first.get("bureau_code"), (String) first.get("sender"),
                subject, body, attach);
    }

    /**
     * A supplementary feedback workbook (补充反馈表) for a mailed file: the findings made after it loaded, the workbook
     * attached (sql/statements/reply/later_feedback.sql's row).
     */
    static Outgoing laterFeedback(Map<String, Object> row, Path feedbackDir) {
        String name = (String) row.get("file_name");
        List<Path> attach = new ArrayList<>();
        String text = withWorkbook(feedbackDir.resolve(row.get("workbook_day").toString()).resolve((String) row.get("workbook_name")),
                attach, "《" + name + "》已入库。入库后经与公共数据平台等核对，又发现 " + number(row, "findings")
                        + " 处数据需要核实，", "逐项核实（“本次新增”列标为“新增”的是本次发现的问题）：数据无误的，请在“反馈说明”表“四、情况说明”中"
                        + "填写说明和填报人后交回；数据有误的，请更正后重新报送。", "请说明情况；如数据有误，请更正后重新报送。");
        String body = row.get("bureau_name") + "：\n\n" + text + SIGNATURE;
        return new Outgoing((String) row.get("cause"), "verify", (String) row.get("bureau_code"), (String) row.get("sender"),
                "【七优享】数据核实（补充）：" + name, body, attach);
    }

    /** The paragraph of a file with a feedback workbook: attached when the ingest wrote it. */
    private static String withWorkbook(Path workbook, List<Path> attach, String text, String withIt, String without) {
        if (!Files.exists(workbook)) {
            return text + without;
        }
        attach.add(workbook);
        return text + "请按附件《" + workbook.getFileName() + "》" + withIt;
    }

    static String reminder(String bureauName, String quarter, String deadline, List<Map<String, Object>> owed) {
        StringBuilder b = new StringBuilder(bureauName + "：\n\n" + quarterText(quarter) + "七优享数据报送截止日为 " + dateText(deadline)
                + "。截至目前，您单位尚有以下 " + owed.size() + " 项数据未报送，请按时报送：\n\n");
        for (Map<String, Object> o : owed) {
            b.append("  - ").append(o.get("indicator_name")).append("（").append(o.get("town_name")).append("，")
                    .append(periodText(String.valueOf(o.get("expected_period")))).append("）\n");
        }
        return b + SIGNATURE;
    }

    static String report(String bureauName, String quarter, List<Map<String, Object>> lines) {
        StringBuilder b = new StringBuilder(bureauName + "：\n\n" + quarterText(quarter) + "七优享季度调度会前，现将您单位牵头指标中"
                + "亮红灯、黄灯的情况通报如下，请在会前做好说明准备：\n\n");
        for (Map<String, Object> l : lines) {
            Object target = l.get("schedule_target");
            b.append("  - ").append(l.get("indicator_name")).append("：").append(l.get("light_zh")).append("，当前值 ")
                    .append(l.get("value") == null ? "无" : numberText(l.get("value"))).append(l.get("unit") == null ? "" : l.get("unit"))
                    .append(target == null ? "" : "，序时目标 " + numberText(target)).append("\n");
        }
        return b + SIGNATURE;
    }

    /** A period as people write it: 2026Q3 as 2026年第三季度, 2025 as 2025年. */
    static String periodText(String period) {
        return period.matches("\\d{4}Q[1-4]") ? quarterText(period) : period.matches("\\d{4}") ? period + "年" : period;
    }

    /** 2026-10-10 as 2026年10月10日. */
    static String dateText(String isoDate) {
        java.time.LocalDate d = java.time.LocalDate.parse(isoDate);
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** A figure with at most two decimals and no trailing zeros (80.0 as 80, 4.9978 as 5); text as it is. */
    static String numberText(Object value) {
        if (value instanceof Number n) {
            return new java.math.BigDecimal(n.toString()).setScale(2, java.math.RoundingMode.HALF_UP).stripTrailingZeros()
                    .toPlainString();
        }
        return String.valueOf(value);
    }

    static String quarterText(String quarter) {
        return quarter.substring(0, 4) + "年第" + "一二三四".charAt(quarter.charAt(5) - '1') + "季度";
    }

    private static long number(Map<String, Object> row, String key) {
        Object v = row.get(key);
        return v instanceof Number n ? n.longValue() : 0;
    }
}
