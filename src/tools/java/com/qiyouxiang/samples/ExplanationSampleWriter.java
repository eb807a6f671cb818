package com.qiyouxiang.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sample explanation file (情况说明) into samples/inbox/情况说明/: the documented format
 * (docs/rules.md), UTF-8 with a BOM so Excel opens it as it was written. It
 * explains two 核实性 findings of the sample inbox (one naming its rule, one leaving 规则编号 empty: any
 * 核实性 rule on that figure), and has an unknown town (rejected with its line, as the bureau would be
 * told). The other 核实性 findings of the samples stay 待核实.
 */
public final class ExplanationSampleWriter {

    public static final String FILE_NAME = "情况说明_2025Q1-Q2.csv";

    private ExplanationSampleWriter() {
    }

    public static Path write(Path samples) throws IOException {
        Path dir = Files.createDirectories(samples.resolve("inbox").resolve("情况说明"));
        try (var old = Files.list(dir)) {
            for (Path p : old.toList()) {
                Files.delete(p);
            }
        }
        Path file = dir.resolve(FILE_NAME);
        String text = "\uFEFF规则编号,指标,镇街,期别,情况说明,填报人\r\n"
                + "R-CROSS-SOURCE,H01,应店街镇,2025Q2,公共数据平台托育机构名录未及时更新：一家非普惠托育机构本季度完成备案，"
                + "平台下季度同步；报表数为实际托位数,卫健局 王丽\r\n"
                + ",欠薪线索动态化解率,东和乡,2025年第一季度,东和乡本季度欠薪线索仅4条且全部化解，基数小，环比变动大属正常,人社局 李强\r\n"
                + ",H14,枫桥街道,2025Q2,（镇街名称写错，将被退回）,人社局 李强\r\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
