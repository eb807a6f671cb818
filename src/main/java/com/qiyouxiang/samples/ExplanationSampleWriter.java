package com.qiyouxiang.samples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the sample explanation file (情况说明) into samples/inbox/情况说明/: the documented format
 * (the README, section "Validation rules"), UTF-8 with a BOM so Excel opens it as it was written. One row
 * names its rule, one leaves 规则编号 empty (any 核实性 rule on that figure), one has an unknown town
 * (rejected with its line, as the bureau would be told).
 */
public final class ExplanationSampleWriter {

    public static final String FILE_NAME = "情况说明_人力社保局_2024Q2.csv";

    private ExplanationSampleWriter() {
    }

    public static Path write(Path samples) throws IOException {
        Path dir = Files.createDirectories(samples.resolve("inbox").resolve("情况说明"));
        Path file = dir.resolve(FILE_NAME);
        String text = "\uFEFF规则编号,指标,镇街,期别,情况说明,填报人\r\n"
                + "R-CHANGE-QOQ,H14,枫桥镇,2024Q2,辖区两家企业改制后职工集中补缴参保，属实,人社局 张三\r\n"
                + ",基本养老保险参保人数,店口镇,2024年第二季度,灵活就业人员参保政策调整后集中参保,人社局 张三\r\n"
                + ",H14,枫桥街道,2024Q2,（镇街名称写错，将被退回）,人社局 张三\r\n";
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
