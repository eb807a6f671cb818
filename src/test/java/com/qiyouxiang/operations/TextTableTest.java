package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class TextTableTest {

    @Test
    void chineseCharactersTakeTwoColumnsSoColumnsLineUp() {
        String table = TextTable.render(List.of("指标", "value"), List.of(List.of("普惠托位占比", "63.5"), List.of("H01", "4.1")));
        List<String> lines = table.lines().toList();
        assertThat(lines).containsExactly(
                "指标         | value",
                "-------------+------",
                "普惠托位占比 | 63.5",
                "H01          | 4.1");
        assertThat(TextTable.width("普惠托位占比")).isEqualTo(12);
        assertThat(TextTable.width("４．３")).isEqualTo(6);
        assertThat(TextTable.width("abc")).isEqualTo(3);
    }
}
