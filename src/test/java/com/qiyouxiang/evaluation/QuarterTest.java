package com.qiyouxiang.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class QuarterTest {

    @Test
    void theDefaultIsTheLastClosedQuarter() {
        assertThat(Quarter.lastClosed(LocalDate.of(2026, 11, 29))).isEqualTo(new Quarter(2026, 3));
        assertThat(Quarter.lastClosed(LocalDate.of(2026, 1, 5))).isEqualTo(new Quarter(2025, 4));
        assertThat(Quarter.lastClosed(LocalDate.of(2026, 4, 1)).code()).isEqualTo("2026Q1");
        assertThat(Quarter.current(LocalDate.of(2026, 11, 29)).code()).isEqualTo("2026Q4");
    }

    @Test
    void listsTheQuartersOfABackfill() {
        assertThat(Quarter.parse("2025Q3").through(Quarter.parse("2026Q2"))).extracting(Quarter::code)
                .containsExactly("2025Q3", "2025Q4", "2026Q1", "2026Q2");
        assertThat(Quarter.parse("2026Q3").through(Quarter.parse("2026Q2"))).isEmpty();
    }

    @Test
    void parsesTheWarehousesQuarterCodes() {
        assertThat(Quarter.parse("2026Q3")).isEqualTo(new Quarter(2026, 3));
        assertThatThrownBy(() -> Quarter.parse("2026-3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quarter.parse("2026Q5")).isInstanceOf(IllegalArgumentException.class);
    }
}
