package com.qiyouxiang.intake.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** {@link HeaderNames}: alternatives, the {期间} placeholder, two-row paths. */
class HeaderNamesTest {

    @Test
    void thePeriodPlaceholder() {
        for (String h : List.of("1-9月完成值", "1-12月完成值", "一季度完成值", "第三季度完成值", "本季完成值", "累计完成值", "2025年1-6月完成值")) {
            assertThat(HeaderNames.matches("{期间}完成值", TextNormalizer.normalize(h))).as(h).isTrue();
        }
        assertThat(HeaderNames.matches("{期间}完成值", "完成值")).isFalse();
        assertThat(HeaderNames.matches("{期间}完成值", "目标完成值")).isFalse();
        assertThat(HeaderNames.matches("职业技能培训{期间}", "职业技能培训1-9月")).isTrue();
    }

    @Test
    void alternativesTheFirstPresentWins() {
        Map<Integer, List<String>> paths = Map.of(0, List.of("指标"), 1, List.of("1-9月完成值"), 2, List.of("本期值"));
        assertThat(HeaderNames.find(paths, HeaderNames.spec(List.of("本期值", "{期间}完成值"))).column()).isEqualTo(2);
        assertThat(HeaderNames.find(paths, "本月值|{期间}完成值").column()).isEqualTo(1);
        assertThat(HeaderNames.find(paths, "本月值").candidates()).isZero();
        Map<Integer, List<String>> twoRows = Map.of(3, List.of("欠薪线索", "已化解"), 4, List.of("托位数", "已化解"));
        assertThat(HeaderNames.find(twoRows, "欠薪线索/已化解").column()).isEqualTo(3);
        assertThat(HeaderNames.find(twoRows, "已化解")).isEqualTo(new HeaderNames.Found(-1, 2));
    }
}
