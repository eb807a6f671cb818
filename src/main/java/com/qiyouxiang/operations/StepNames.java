package com.qiyouxiang.operations;

import java.util.Map;

/** What each step does, in the clerk's words (the run summary); an unknown step keeps its name. */
public final class StepNames {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("platformPull", "数据平台接口取数"),
            Map.entry("mailPull", "邮箱收取"),
            Map.entry("sftpPull", "SFTP 收取"),
            Map.entry("loadReferenceData", "基础数据（部门、领域、镇街）"),
            Map.entry("loadIndicatorCatalog", "指标目录"),
            Map.entry("ingestSpreadsheets", "部门报表"),
            Map.entry("platformLoad", "公共数据平台导出"),
            Map.entry("platformDerive", "平台派生指标"),
            Map.entry("loadExplanations", "情况说明"),
            Map.entry("recordMissingFigures", "催报清单（应报未报）"),
            Map.entry("writeLaterFeedback", "补充反馈表（入库后新发现的问题）"),
            Map.entry("refreshQuarters", "季度评价"),
            Map.entry("evaluateQuarter", "季度评价"),
            Map.entry("dataQualityChecks", "数据质量检查"),
            Map.entry("freezeMeetingVersion", "冻结会议口径"),
            Map.entry("publishMarts", "发布数据集"),
            Map.entry("writeQuarterlyReport", "季度调度报告"),
            Map.entry("mailReply", "回复报送单位（回执、退回修改、催报）"));

    private StepNames() {
    }

    public static String of(String stepName) {
        return NAMES.getOrDefault(stepName, stepName);
    }
}
