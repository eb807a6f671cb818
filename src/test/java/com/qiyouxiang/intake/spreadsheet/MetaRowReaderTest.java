package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** {@link MetaRowReader}: the longest marker wins, qualifiers in brackets removed, the value in the cell on the right. */
class MetaRowReaderTest {

    private final MetaRowReader reader = new MetaRowReader(List.of("填报单位", "填报单位名称", "填报日期", "填报人"),
            List.of("盖章", "公章", "签章"));

    @Test
    void aQualifiedMarkerAndAQualifiedValue() {
        assertThat(read("填报单位（盖章）：诸暨市人力资源和社会保障局（公章）")).containsExactly("填报单位=诸暨市人力资源和社会保障局");
        assertThat(read("填报单位(公章):市人社局    填报人：王丽")).containsExactly("填报单位=市人社局", "填报人=王丽");
    }

    @Test
    void theLongestMarkerWins() {
        assertThat(read("填报单位名称：诸暨市人力资源和社会保障局")).containsExactly("填报单位名称=诸暨市人力资源和社会保障局");
        // with only the short marker the name would be '名称：诸暨市…'
        assertThat(new MetaRowReader(List.of("填报单位"), List.of()).read(row("填报单位名称：人社局")).get(0).value())
                .isEqualTo("名称:人社局"); // text normalised: full-width colon to half-width
    }

    @Test
    void theValueInTheNextCell() {
        assertThat(read("填报单位（盖章）：", "诸暨市人力资源和社会保障局（公章）")).containsExactly("填报单位=诸暨市人力资源和社会保障局");
        assertThat(read("填报日期", "2025年10月9日")).containsExactly("填报日期=2025年10月9日");
        assertThat(read("诸暨市2025年第三季度重点指标完成情况")).isEmpty();
    }

    private List<String> read(String... texts) {
        return reader.read(row(texts)).stream().map(m -> m.marker() + "=" + m.written(reader)).toList();
    }

    private static RawRow row(String... texts) {
        List<RawCell> cells = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            cells.add(new RawCell(i, WorkbookSource.ref(i, 2), RawCell.Kind.TEXT, texts[i], 0, false, false));
        }
        return new RawRow(2, cells);
    }
}
