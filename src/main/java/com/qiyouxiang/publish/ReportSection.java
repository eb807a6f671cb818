package com.qiyouxiang.publish;

import java.util.List;

/**
 * One part of the quarterly report, the same in the workbook (a sheet) and in the HTML page (a
 * table): its Chinese title, the mart query for the quarter ({@code ?} = the quarter code) and its columns.
 */
public record ReportSection(String title, String note, String query, List<Column> columns) {

    public enum Kind { TEXT, NUMBER, SCORE, PERCENT, LIGHT, FLAG }

    /** A column: the mart column, its Chinese header, how it is shown. */
    public record Column(String key, String header, Kind kind) {
    }

    static Column text(String key, String header) {
        return new Column(key, header, Kind.TEXT);
    }

    static Column number(String key, String header) {
        return new Column(key, header, Kind.NUMBER);
    }

    static Column score(String key, String header) {
        return new Column(key, header, Kind.SCORE);
    }

    static Column percent(String key, String header) {
        return new Column(key, header, Kind.PERCENT);
    }

    static Column light(String key, String header) {
        return new Column(key, header, Kind.LIGHT);
    }

    static Column flag(String key, String header) {
        return new Column(key, header, Kind.FLAG);
    }

    /** The report's nine sections, in order. */
    public static List<ReportSection> all() {
        return List.of(
                new ReportSection("总体评价", "总体得分为各领域得分的简单平均；绿灯占比为绿灯指标占参与评分指标的比例。",
                        "SELECT * FROM mart_overall_quarter WHERE quarter_code = ?",
                        List.of(text("quarter_code", "评价季度"), score("overall_score", "总体得分"),
                                number("scored_domains", "参评领域数"), number("indicators", "指标数"),
                                number("scored_indicators", "参评指标数"), number("green", "绿灯"), number("yellow", "黄灯"),
                                number("red", "红灯"), number("grey", "灰灯"), percent("share_green", "绿灯占比"),
                                number("open_issues", "未销号问题数"))),
                new ReportSection("分领域评价", "领域得分为参评指标得分的加权平均（省定核心指标权重加倍）。",
                        "SELECT * FROM mart_domain_quarter WHERE quarter_code = ? ORDER BY sort_order",
                        List.of(text("domain_name", "领域"), number("indicators", "指标数"),
                                number("scored_indicators", "参评指标数"), number("green", "绿灯"), number("yellow", "黄灯"),
                                number("red", "红灯"), number("grey", "灰灯"), percent("share_green", "绿灯占比"),
                                score("domain_score", "领域得分"))),
                new ReportSection("指标调度表", "亮灯：绿灯 达到序时进度；黄灯 略有滞后；红灯 明显滞后；灰灯 不评价。数据期为所用数值对应的期别。",
                        """
                        SELECT m.*, coalesce(m.plan_mark, '') AS mark FROM mart_indicator_quarter m
                        LEFT JOIN dim_domain d USING (domain_code)
                        WHERE quarter_code = ? ORDER BY d.sort_order, kind, indicator_code""",
                        List.of(text("indicator_code", "编码"), text("mark", "标记"), text("indicator_name", "指标名称"),
                                text("domain_name", "领域"), text("bureau_name", "责任单位"), text("unit", "单位"),
                                text("data_period", "数据期"), number("value", "指标值"), flag("is_stale", "数据滞后"),
                                text("baseline_text", "2022年基础值"), text("target_text", "年度目标"),
                                number("schedule_target", "时序进度目标"), percent("deviation", "偏差"),
                                percent("completion_rate", "完成率"), score("score", "得分"), light("light", "亮灯"),
                                percent("plan_progress", "规划进度"), number("qoq_change", "环比变化"),
                                number("yoy_change", "同比变化"))),
                new ReportSection("镇街对比", "排名 1 为最好（按指标方向，并列同名次）；全市值以部门报送为准，否则由镇街分子分母汇总计算；变异系数衡量镇街间均衡性。",
                        "SELECT * FROM mart_town_comparison WHERE quarter_code = ? ORDER BY indicator_code, town_sort_order",
                        List.of(text("indicator_code", "编码"), text("indicator_name", "指标名称"), text("data_period", "数据期"),
                                text("town_name", "镇街"), number("town_value", "镇街值"), number("town_rank", "排名"),
                                number("city_value", "全市值"), number("gap_to_city", "与全市差"),
                                number("city_value_built", "镇街汇总全市值"), number("town_cv", "变异系数"))),
                new ReportSection("问题整改清单", "问题在首次红灯或连续两个季度黄灯时发现，首次转为绿灯时销号；问题编号 = 指标编码-发现季度。",
                        """
                        SELECT * FROM mart_issue WHERE as_of_quarter = ?
                        ORDER BY status DESC, bureau_code, opened_quarter, indicator_code""",
                        List.of(text("issue_id", "问题编号"), text("indicator_name", "指标名称"), text("domain_name", "领域"),
                                text("bureau_name", "责任单位"), text("opened_quarter", "发现季度"),
                                text("opened_reason", "发现原因"), text("status_zh", "状态"), text("closed_quarter", "销号季度"),
                                number("quarters_open", "持续季度数"), light("current_light", "本季度亮灯"),
                                text("previous_issue_id", "此前问题"))),
                new ReportSection("责任单位", "每个责任单位每季度应报送一次，截止日为季度结束后第 10 天（可配置）。",
                        "SELECT * FROM mart_bureau_quarter WHERE quarter_code = ? ORDER BY bureau_code",
                        List.of(text("bureau_name", "责任单位"), number("indicators", "指标数"), number("green", "绿灯"),
                                number("yellow", "黄灯"), number("red", "红灯"), number("grey", "灰灯"),
                                number("open_issues", "未销号问题"), number("submissions_expected", "应报次数"),
                                number("submissions_received", "已报文件数"), number("submissions_on_time", "按时"),
                                number("submissions_late", "逾期"), text("submission_deadline", "截止日"),
                                percent("rejected_share", "退回行占比"), number("verify_pending", "待核实"),
                                number("verify_explained", "已说明"))),
                new ReportSection("数据完整性", "本季度应报未报的数据（催报清单）。",
                        """
                        SELECT * FROM mart_data_completeness WHERE quarter_code = ?
                        ORDER BY bureau_code, indicator_code, town_code""",
                        List.of(text("bureau_name", "责任单位"), text("indicator_code", "编码"), text("indicator_name", "指标名称"),
                                text("town_name", "镇街"), text("expected_period", "应报数据期"),
                                text("latest_period", "最近数据期"), text("message_zh", "催报说明"))),
                new ReportSection("待核实事项", "核实性审核规则发现、尚未收到情况说明的数据（数据期截至本季度），按责任单位列出："
                        + "请各单位核实，数据无误的在反馈表“情况说明”表中填写原因后报送，数据有误的更正后重新报送。",
                        "SELECT * FROM (" + com.qiyouxiang.warehouse.SqlFiles.read("statements/validation/unexplained_verify_items.sql")
                                + ") WHERE period_code <= ? ORDER BY bureau_code, period_code, indicator_code, rule_id",
                        List.of(text("bureau_name", "责任单位"), text("period_code", "数据期"), text("indicator_code", "编码"),
                                text("indicator_name", "指标名称"), text("town_name", "镇街"), text("rule_id", "规则编号"),
                                number("value", "报送值"), number("compared_value", "比较值"), text("message_zh", "问题"),
                                text("file_name", "来源文件"), text("location", "位置"))),
                new ReportSection("修订后变化", "各季度调度会所见评价（会议口径）冻结后，部门更正数据使评价发生的变化：会议时与当前的亮灯、"
                        + "得分、数值，及引起变化的数据版本和文件（截至本季度，按各季度最近一次评价）。",
                        """
                        SELECT * FROM mart_indicator_quarter WHERE differs_from_meeting AND quarter_code <= ?
                        ORDER BY quarter_code, indicator_code""",
                        List.of(text("quarter_code", "评价季度"), text("indicator_code", "编码"), text("indicator_name", "指标名称"),
                                text("bureau_name", "责任单位"), number("meeting_version", "会议版本"),
                                light("meeting_light", "会议时亮灯"), light("light", "当前亮灯"),
                                score("meeting_score", "会议时得分"), score("score", "当前得分"),
                                number("meeting_value", "会议时数值"), number("value", "当前数值"),
                                text("change_zh", "变化及原因"))));
    }
}
