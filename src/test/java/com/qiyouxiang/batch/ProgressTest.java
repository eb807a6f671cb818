package com.qiyouxiang.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void showsFileRowsRateAndEta() {
        Progress.configure(Duration.ofHours(1), false);
        try (Progress p = Progress.start("records.csv", 1000, "rows")) {
            p.advance(250);
            String line = p.line();
            assertThat(line).startsWith("records.csv  [=====>              ] 25% 250/1,000 rows").contains("rows/s").contains("ETA");
            p.advance(750);
            assertThat(p.line()).contains("[====================] 100% 1,000/1,000 rows").doesNotContain("ETA");
        }
        try (Progress unknown = Progress.start("big.xlsx", -1, "rows")) {
            unknown.advance(12345);
            assertThat(unknown.line()).startsWith("big.xlsx  12,345 rows");
        }
    }
}
