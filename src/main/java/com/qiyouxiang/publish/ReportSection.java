package com.qiyouxiang.publish;

import java.util.List;

/**
 * One part of the quarterly report, the same in the workbook and in the HTML page: its Chinese title, the
 * query for the quarter ({@code ${quarter}} = the quarter code; most are files under
 * {@code sql/statements/publish/}, which may use the display macros of {@code statements/warehouse/display_macros.sql}), its columns
 * and where it goes: a part of the first page (本季要点), a sheet (an HTML section) of its own, or the data of
 * a chart only (a hidden sheet in the workbook, not a table in the page).
 */
public record ReportSection(String title, String note, String query, List<Column> columns, Placement placement) {

    /** AGENDA a part of the first page; SHEET a sheet of its own; TOWNS a sheet pivoted by town ({@link TownPivot}); CHART_DATA chart data only. */
    public enum Placement { AGENDA, SHEET, TOWNS, CHART_DATA }

    public ReportSection(String title, String note, String query, List<Column> columns) {
        this(title, note, query, columns, Placement.SHEET);
    }

    /**
     * TEXT as it is; NUMBER up to four decimals; SCORE two decimals; SIGNED two decimals with its sign;
     * PERCENT a fraction as a percentage; VALUE with the row's {@code decimals} (the indicator's display
     * precision); LIGHT a light in words and colour; FLAG 是 or nothing; HIDDEN kept for filtering in the
     * workbook (a hidden column), not shown in the page.
     */
    public enum Kind { TEXT, NUMBER, SCORE, SIGNED, PERCENT, VALUE, LIGHT, FLAG, HIDDEN }

    /** A column: the query's column, its Chinese header, how it is shown. */
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

    static Column signed(String key, String header) {
        return new Column(key, header, Kind.SIGNED);
    }

    static Column percent(String key, String header) {
        return new Column(key, header, Kind.PERCENT);
    }

    static Column value(String key, String header) {
        return new Column(key, header, Kind.VALUE);
    }

    static Column light(String key, String header) {
        return new Column(key, header, Kind.LIGHT);
    }

    static Column flag(String key, String header) {
        return new Column(key, header, Kind.FLAG);
    }

    static Column hidden(String key, String header) {
        return new Column(key, header, Kind.HIDDEN);
    }

    private static String file(String name) {
        return com.qiyouxiang.warehouse.SqlFiles.read("statements/publish/" + name + ".sql");
    }

    /** The first page, 本季要点: the meeting's agenda for the quarter. */
    public static List<ReportSection> agenda() {
        return List.of(
                new ReportSection("一、总体和分领域得分", "得分与上季度比较；不评价为观察性指标（▲），缺数为尚无数据的指标，均不计入亮灯。",
                        file("agenda_scores"),
                        List.of(text("name", "领域"), score("score", "本季度得分"), score("previous_score", "上季度得分"),
                                signed("score_change", "变化"), number("green", "绿灯"), number("yellow", "黄灯"),
                                number("red", "红灯"), number("observation", "不评价"), number("no_data", "缺数")),
                        Placement.AGENDA),
                new ReportSection("二、红灯和黄灯指标", "偏差为数值与时序进度目标之差占目标的比例；连续季度数为连续亮同色灯的季度数（含本季度）。",
                        file("agenda_flagged"),
                        List.of(light("light", "亮灯"), text("indicator_name", "指标名称"), text("bureau_name", "责任单位"),
                                text("value_zh", "指标值"), text("data_period_zh", "数据期"),
                                text("schedule_target_zh", "时序进度目标"), text("target_zh", "年度目标"),
                                text("deviation_zh", "偏差"), number("quarters_in_light", "连续季度数"),
                                text("issue_id", "问题编号")),
                        Placement.AGENDA),
                new ReportSection("三、本季度问题发现和销号", "问题在首次红灯或连续两个季度黄灯时发现，首次转为绿灯时销号。",
                        file("agenda_issues"),
                        List.of(text("event", "情况"), text("issue_id", "问题编号"), text("indicator_name", "指标名称"),
                                text("bureau_name", "责任单位"), text("opened_reason", "发现原因")),
                        Placement.AGENDA),
                new ReportSection("四、催报和逾期报送", "应报未报的数值按镇街计（明细见数据完整性表）；逾期为截止日后收到的报送文件。",
                        file("agenda_bureaus"),
                        List.of(text("bureau_name", "责任单位"), number("figures_owed", "应报未报数值"),
                                number("indicators_owed", "涉及指标"), number("submissions_expected", "应报文件"),
                                number("submissions_received", "已收文件"), number("submissions_late", "逾期文件"),
                                number("verify_pending", "待核实")),
                        Placement.AGENDA),
                new ReportSection("五、不能评价的指标", "不评价：观察性指标（▲），规划未设目标；缺数：尚无数据，由责任单位补报；无目标：当年规划无目标。",
                        file("agenda_ungraded"),
                        List.of(text("category", "类别"), text("bureau_name", "责任单位"), number("indicators", "指标数"),
                                text("indicator_names", "指标")),
                        Placement.AGENDA));
    }

    /** The report's sections after the first page, in order, and the data of the trend charts. */
    public static List<ReportSection> all() {
        return List.of(
                new ReportSection("分领域评价", "领域得分为参评指标得分的加权平均（省定核心指标权重加倍）；总体得分为各领域得分的简单平均。",
                        file("report_domains"),
                        List.of(text("domain_name", "领域"), number("indicators", "指标数"),
                                number("scored_indicators", "参评指标数"), number("green", "绿灯"), number("yellow", "黄灯"),
                                number("red", "红灯"), number("grey", "灰灯"), percent("share_green", "绿灯占比"),
                                score("domain_score", "领域得分"))),
                new ReportSection("指标调度表", "亮灯：绿灯 达到时序进度；黄灯 略有滞后；红灯 明显滞后；灰灯 不评价（观察性指标▲等）。"
                        + "数据期为所用数值对应的期别；规划进度为自2022年基础值至2027年目标已完成的比例。尚无数据的指标见本季要点。",
                        file("report_indicators"),
                        List.of(text("mark", "序号"), text("indicator_name", "指标名称"),
                                text("domain_name", "领域"), text("bureau_name", "责任单位"), text("unit", "单位"),
                                text("data_period_zh", "数据期"), value("value", "指标值"), flag("is_stale", "数据滞后"),
                                text("baseline_zh", "2022年基础值"), text("target_zh", "年度目标"),
                                value("schedule_target", "时序进度目标"), percent("deviation", "偏差"),
                                score("score", "得分"), light("light", "亮灯"),
                                text("plan_progress_zh", "规划进度"), value("qoq_change", "环比变化"),
                                value("yoy_change", "同比变化"))),
                new ReportSection("镇街对比", "本季度红灯、黄灯指标的镇街数据。排名 1 为最好（按指标方向，并列同名次）；全市值以部门报送为准；"
                        + "变异系数衡量镇街间均衡性。其余指标的镇街对比见发布的评价数据集。",
                        file("report_towns"),
                        List.of(text("indicator_name", "指标名称"), text("data_period_zh", "数据期"), text("unit", "单位"),
                                text("town_name", "镇街"), value("town_value", "镇街值"), number("town_rank", "排名"),
                                value("city_value", "全市值"), value("gap_to_city", "与全市差"),
                                number("town_cv", "变异系数")), Placement.TOWNS),
                new ReportSection("问题整改清单", "问题在首次红灯或连续两个季度黄灯时发现，首次转为绿灯时销号；问题编号 = 指标编码-发现季度。",
                        file("report_issues"),
                        List.of(text("issue_id", "问题编号"), text("indicator_name", "指标名称"), text("domain_name", "领域"),
                                text("bureau_name", "责任单位"), text("opened_quarter_zh", "发现季度"),
                                text("opened_reason", "发现原因"), text("status_zh", "状态"), text("closed_quarter_zh", "销号季度"),
                                number("quarters_open", "持续季度数"), light("current_light", "本季度亮灯"),
                                text("previous_issue_id", "此前问题"))),
                new ReportSection("责任单位", "每个责任单位每季度应报送一次，截止日为季度结束后第 10 天（可配置）。",
                        file("report_bureaus"),
                        List.of(text("bureau_name", "责任单位"), number("indicators", "指标数"), number("green", "绿灯"),
                                number("yellow", "黄灯"), number("red", "红灯"), number("grey", "灰灯"),
                                number("open_issues", "未销号问题"), number("submissions_expected", "应报次数"),
                                number("submissions_received", "已报文件数"), number("submissions_on_time", "按时"),
                                number("submissions_late", "逾期"), text("submission_deadline", "截止日"),
                                percent("rejected_share", "退回行占比"), number("verify_pending", "待核实"),
                                number("verify_explained", "已说明"))),
                new ReportSection("数据完整性", "本季度应报未报的数据（催报清单）。",
                        file("report_completeness"),
                        List.of(text("bureau_name", "责任单位"), text("indicator_name", "指标名称"),
                                text("town_name", "镇街"), text("expected_period_zh", "应报数据期"),
                                text("latest_period_zh", "最近数据期"), text("message_zh", "催报说明"))),
                new ReportSection("待核实事项", "核实性审核规则发现、尚未收到情况说明的数据（数据期截至本季度），按责任单位列出："
                        + "请各单位核实，数据无误的在反馈表“反馈说明”的“四、情况说明”中填写原因后报送，数据有误的更正后重新报送。",
                        file("report_verify_items"),
                        List.of(text("bureau_name", "责任单位"), text("period_zh", "数据期"),
                                text("indicator_name", "指标名称"), text("town_name", "镇街"),
                                text("value_zh", "报送值"), text("compared_value_zh", "比较值"), text("message_zh", "问题"),
                                text("file_name", "来源文件"), text("location", "位置"), hidden("rule_id", "规则编号"))),
                new ReportSection("修订后变化", "各季度调度会所见评价（会议口径）冻结后，部门更正数据使评价发生的变化：会议时与当前的亮灯、"
                        + "得分、数值，及引起变化的数据版本和文件（截至本季度，按各季度最近一次评价）。",
                        file("report_revisions"),
                        List.of(text("quarter_zh", "评价季度"), text("indicator_name", "指标名称"),
                                text("bureau_name", "责任单位"), text("meeting_version_zh", "会议版本"),
                                light("meeting_light", "会议时亮灯"), light("light", "当前亮灯"),
                                score("meeting_score", "会议时得分"), score("score", "当前得分"),
                                value("meeting_value", "会议时数值"), value("value", "当前数值"),
                                text("change_zh", "变化及原因"))),
                new ReportSection("红黄灯指标走势", "本季度红灯、黄灯指标历季数值与时序进度目标。", file("report_trends"),
                        List.of(text("indicator_code", "编码"), text("indicator_name", "指标名称"), text("quarter_zh", "季度"),
                                value("value", "指标值"), value("schedule_target", "时序进度目标")),
                        Placement.CHART_DATA));
    }
}
