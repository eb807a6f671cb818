package com.qiyouxiang.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** A file's budget refuses it with a Chinese reason naming the file and the limit passed. */
class FileBudgetTest {

    static FileLimits limits(int maxCellChars, Duration maxTime) {
        return new FileLimits(DataSize.ofMegabytes(200), DataSize.ofGigabytes(20), 1_048_576, 16_384, maxCellChars,
                DataSize.ofMegabytes(512), maxTime);
    }

    @Test
    void aFileReadPastItsTimeIsRefusedAtTheNextClockReading() {
        FileBudget budget = limits(32_767, Duration.ZERO).start("平台_指标数据.csv");
        assertThatThrownBy(() -> {
            for (int i = 0; i < 2048; i++) {
                budget.tick();
            }
        }).isInstanceOf(FileBudget.Exceeded.class).satisfies(e -> {
            FileRefusal r = ((FileBudget.Exceeded) e).refusal();
            assertThat(r.status()).isEqualTo(FileStatus.FAILED);
            assertThat(r.reasonCode()).isEqualTo("READ_TIMEOUT");
            assertThat(r.reasonZh()).startsWith("文件“平台_指标数据.csv”读取时间超过允许的 0 秒");
        });
        FileBudget roomy = limits(32_767, Duration.ofMinutes(10)).start("x.csv");
        for (int i = 0; i < 4096; i++) {
            roomy.tick();
        }
    }

    @Test
    void aFieldLongerThanACellMayBeIsRefusedWithItsLineAndField() {
        FileBudget budget = limits(10, Duration.ofMinutes(10)).start("平台_指标数据.csv");
        budget.field(2, 4, 10);
        assertThatThrownBy(() -> budget.field(1_234, 4, 11)).isInstanceOf(FileBudget.Exceeded.class)
                .satisfies(e -> assertThat(((FileBudget.Exceeded) e).refusal().reasonZh())
                        .startsWith("文件“平台_指标数据.csv”第 1,234 行第 4 个字段超过 10 个字符"));
    }
}
