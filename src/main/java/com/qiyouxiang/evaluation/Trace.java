package com.qiyouxiang.evaluation;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.qiyouxiang.warehouse.SqlFiles;

/**
 * {@code jobs/run trace <indicator> <quarter> [town]}: one light followed back to its cells, in Chinese
 * (docs/evaluation-method.md §9): how the light was computed (A, E, δ, c), the fact judged and its revision
 * history, file and sheet!cell or line (or, for a derived figure, the query and its records), the rule
 * findings and 情况说明, and for a city value built from the towns, the towns' facts. Reads the warehouse
 * (sql/trace/*.sql); the evaluation of the quarter must have run.
 */
public final class Trace {

    private static final String CITY = "330681";

    private Trace() {
    }

    public static String trace(Connection c, String indicator, String quarter, String town) throws SQLException {
        Map<String, Object> row = first(c, "statements/trace/trace_indicator_row.sql", Map.of("indicator", indicator, "quarter", quarter));
        if (row == null) {
            throw new IllegalArgumentException("No evaluation of " + indicator + " for " + quarter
                    + " in the warehouse (jobs/run evaluationJob quarter=" + quarter + " first)");
        }
        StringBuilder out = new StringBuilder();
        out.append("指标 ").append(indicator).append(" ").append(row.get("indicator_name")).append(" · ").append(quarter)
                .append(Boolean.FALSE.equals(row.get("is_closed")) ? "（本季度未结束）" : "").append('\n');
        out.append("责任单位：").append(row.get("bureau_name")).append("；方向：")
                .append("lower".equals(row.get("direction")) ? "越低越好" : "越高越好").append("；频度：")
                .append("annual".equals(row.get("frequency")) ? "年度" : "季度").append('\n');
        out.append("亮灯：").append(row.get("light_zh"));
        if (row.get("grey_reason") != null) {
            out.append("（").append(row.get("grey_reason")).append("）");
        }
        if (row.get("score") != null) {
            out.append("，得分 ").append(row.get("score"));
        }
        out.append('\n');
        out.append("计算：数据期 ").append(text(row.get("data_period"))).append("，A = ").append(text(row.get("value")))
                .append("（").append(basis(row.get("value_basis"))).append("）").append('\n');
        if (row.get("schedule_target") != null) {
            out.append("      E = ").append(row.get("schedule_target")).append("（").append(row.get("target_year"))
                    .append(" 年目标 ").append(row.get("target_text"));
            if (Boolean.TRUE.equals(row.get("is_bound"))) {
                out.append("，界限值含本数，各季度均为该值");
            } else if (row.get("previous_target_value") != null) {
                out.append("，上年目标 ").append(row.get("previous_target_text"));
            } else if (row.get("baseline_text") != null) {
                out.append("，2022 年基础值 ").append(row.get("baseline_text"));
            }
            out.append("）\n");
            boolean lower = "lower".equals(row.get("direction"));
            out.append("      δ = ").append(lower ? "(E − A) / |E|" : "(A − E) / |E|").append(" = ").append(decimal(row.get("deviation")))
                    .append("；c = ").append(lower ? "E / A" : "A / E").append(" = ").append(decimal(row.get("completion_rate")))
                    .append("；得分 = 100 × min(c, 1)，四舍五入保留两位小数\n");
        }
        if (Boolean.TRUE.equals(row.get("is_stale"))) {
            out.append("数据滞后：应有 ").append(row.get("expected_period")).append(" 或更新的数据\n");
        }
        String period = text(row.get("data_period"));
        if (row.get("data_period") == null) {
            return out.append("无数据，无可追溯的来源。\n").toString();
        }
        String place = town == null || town.isBlank() ? CITY : town.trim();
        if (!CITY.equals(place)) {
            out.append("镇街 ").append(place).append(" 的数据：\n");
            figure(c, out, indicator, place, period, "  ");
        } else if ("built".equals(row.get("value_basis"))) {
            out.append("全市值由全部镇街按汇总规则计算（").append(row.get("towns_reported")).append(" / ")
                    .append(row.get("towns_expected")).append(" 个镇街报送），各镇街数据：\n");
            for (Map<String, Object> t : all(c, "statements/trace/trace_towns.sql", Map.of("indicator", indicator, "period", period))) {
                out.append("  ").append(t.get("town_name")).append("：").append(text(t.get("value")));
                if (t.get("numerator") != null) {
                    out.append("（").append(t.get("numerator")).append(" / ").append(t.get("denominator")).append("）");
                }
                out.append("，数据编号 ").append(text(t.get("value_id"))).append("，").append(source(t.get("source_kind")))
                        .append(" 第 ").append(text(t.get("revision"))).append(" 版，").append(text(t.get("file_name")))
                        .append(" ").append(text(t.get("location"))).append('\n');
            }
        } else {
            figure(c, out, indicator, CITY, period, "  ");
        }
        return out.toString();
    }

    /** One figure: its revisions (current marked), where each was read, findings and 情况说明. */
    private static void figure(Connection c, StringBuilder out, String indicator, String town, String period, String indent)
            throws SQLException {
        Map<String, Object> key = Map.of("indicator", indicator, "town", town, "period", period);
        List<Map<String, Object>> history = all(c, "statements/trace/trace_fact_history.sql", key);
        if (history.isEmpty()) {
            out.append(indent).append("没有该期的数据。\n");
            return;
        }
        out.append(indent).append("数据及修订记录：\n");
        for (Map<String, Object> f : history) {
            out.append(indent).append("  ").append(Boolean.TRUE.equals(f.get("is_current")) ? "★ " : "  ")
                    .append(source(f.get("source_kind"))).append(" 第 ").append(f.get("revision")).append(" 版：")
                    .append(text(f.get("value")));
            if (f.get("numerator") != null) {
                out.append("（分子 ").append(f.get("numerator")).append("，分母 ").append(f.get("denominator")).append("）");
            }
            out.append("，数据编号 ").append(f.get("value_id")).append("，载入 ").append(f.get("loaded_at")).append('\n');
            out.append(indent).append("      来源：");
            if (f.get("derived_query") != null) {
                out.append("推算查询 ").append(f.get("derived_query")).append("，依据 ").append(text(f.get("derived_inputs")));
            } else {
                out.append("文件 ").append(text(f.get("file_name")));
                if (f.get("source_cell") != null) {
                    out.append("，").append(f.get("source_cell")).append("（工作表 ").append(text(f.get("source_sheet")))
                            .append("，第 ").append(text(f.get("source_row"))).append(" 行）");
                } else if (f.get("source_line") != null) {
                    out.append("，第 ").append(f.get("source_line")).append(" 行");
                }
            }
            out.append('\n');
            if (f.get("review_state") != null) {
                out.append(indent).append("      审核状态：").append(f.get("review_state"));
                if (f.get("review_note") != null) {
                    out.append("；情况说明：").append(f.get("review_note")).append("（").append(text(f.get("review_source"))).append("）");
                }
                out.append('\n');
            }
        }
        List<Map<String, Object>> findings = all(c, "statements/trace/trace_findings.sql", key);
        if (findings.isEmpty()) {
            out.append(indent).append("审核规则：未发现问题。\n");
        }
        for (Map<String, Object> f : findings) {
            if ("finding".equals(f.get("kind"))) {
                out.append(indent).append("审核规则 ").append(f.get("rule_id")).append("（").append(f.get("tier")).append("）：")
                        .append(f.get("message_zh"));
                if (f.get("explanation") != null) {
                    out.append("；情况说明：").append(f.get("explanation")).append("（").append(text(f.get("explanation_source"))).append("）");
                } else if (f.get("review_state") != null) {
                    out.append("；").append(f.get("review_state"));
                }
            } else {
                out.append(indent).append("情况说明：").append(f.get("explanation")).append("（").append(f.get("explanation_source")).append("）");
            }
            out.append('\n');
        }
    }

    private static String basis(Object valueBasis) {
        if ("built".equals(valueBasis)) {
            return "由全部镇街汇总的全市值";
        }
        return valueBasis == null ? "无" : "部门报送的全市值";
    }

    private static String source(Object kind) {
        if (kind == null) {
            return "-";
        }
        return switch (kind.toString()) {
            case "spreadsheet" -> "部门报表";
            case "platform" -> "公共数据平台";
            case "derived" -> "明细推算";
            default -> kind.toString();
        };
    }

    /** δ and c to six decimals (their last binary digits are noise; the light and score are decided exactly). */
    private static String decimal(Object value) {
        if (!(value instanceof Number n)) {
            return text(value);
        }
        return new java.math.BigDecimal(n.toString()).setScale(6, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    private static Map<String, Object> first(Connection c, String file, Map<String, Object> values) throws SQLException {
        List<Map<String, Object>> rows = all(c, file, values);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private static List<Map<String, Object>> all(Connection c, String file, Map<String, Object> values) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlFiles.read(file, new HashMap<>(values)))) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= n; i++) {
                    row.put(rs.getMetaData().getColumnLabel(i), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
