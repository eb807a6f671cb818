package com.qiyouxiang.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test's own inbox made of a few committed sample files, for the tests whose point is a mechanism (a kill and a
 * restart, a hostile file, the launcher's locale) rather than the samples' whole content: a nightly on {@link #SMALL}
 * reads every kind of input the sample inbox has and costs about half the CPU of one on all 141 files (23 s against
 * 44 s with C1, measured on the 2-core machine). The whole sample inbox still runs end to end in NightlyAndExamplesIT,
 * PrintedDocumentsIT, NightlyOutcomesIT and SampleInboxIngestIT.
 */
final class SampleInbox {

    /**
     * A file or two of every kind, in the order the ingest takes them (by period, then name) with files before and
     * after the two that CrashRestartIT kills the run in: an unrecognised 回执; quarterly, town-level and annual
     * workbooks of several bureaus, one an .xls; a workbook and its 修改版 (revision 2); a population workbook (the
     * derived per-capita figures); every platform export (indicator CSV, GBK TSV, the record-level exports the
     * derived indicators are computed from); a 情况说明 file.
     */
    static final List<String> SMALL = List.of(
            "2024年第三季度数据报送回执.xlsx",
            "人社局2023年第一季度指标报表.xlsx", "人社局2026年第三季度指标报表.xlsx", "人社局_2026年三季度_分镇街指标.xlsx",
            "卫健局2026年第三季度七优享指标报表.xlsx",
            "市卫健局2024年1-6月分镇街托育数据.xlsx", "市卫健局2024年1-6月分镇街托育数据（修改版）.xlsx",
            "市卫健局2026年第二季度分镇街托育数据.xlsx",
            "建设局2026年第三季度分镇街报表.xlsx", "教体局2025年度七优享指标.xls", "残联2026年第三季度指标报送.xlsx",
            "民政局2025年第四季度年度指标.xlsx", "民政局2026年1-9月养老护理员分镇街.xlsx", "统计局2025年末分镇街人口.xlsx",
            "平台_养老护理员持证名单_2023Q1-2026Q3.csv", "平台_托育机构名录_2023Q1-2026Q3.csv", "平台_指标数据_2024Q2.csv",
            "平台_指标数据_2025_gbk.tsv", "平台_最低生活保障对象_2023Q1-2026Q3.tsv",
            "情况说明/情况说明_2025Q1-Q2.csv");

    private SampleInbox() {
    }

    /** Copies the named files (paths relative to samples/inbox) into {@code inbox}, which it creates; returns it. */
    static Path copy(Path inbox, List<String> files) throws IOException {
        for (String f : files) {
            Path target = inbox.resolve(f);
            Files.createDirectories(target.getParent());
            Files.copy(Path.of("samples/inbox").resolve(f), target);
        }
        return Files.createDirectories(inbox);
    }
}
