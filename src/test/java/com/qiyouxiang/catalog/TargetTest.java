package com.qiyouxiang.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every target form the plan and its text use. */
class TargetTest {

    @ParameterizedTest(name = "{0} ({1}) -> {2} {3}")
    @CsvSource(delimiter = ';', nullValues = "null", value = {
            "5.5;higher;>=;5.5",
            "4.0;higher;>=;4.0",
            "9.40;lower;<=;9.40",
            ">70;higher;>;70",
            ">17000;higher;>;17000",
            "<9;lower;<;9",
            ">=1.17;higher;>=;1.17",
            "≥90;higher;>=;90",
            "≤4500;lower;<=;4500",
            "＞７０;higher;>;70",
            "95%;higher;>=;95",
            "/;higher;null;null",
            "—;higher;null;null",
            "'';higher;null;null"})
    void parses(String written, String direction, String comparator, String value) {
        Target t = Target.parse(written, direction);
        assertThat(t.comparator()).isEqualTo(comparator);
        if (value == null) {
            assertThat(t.value()).isNull();
            assertThat(t.isScored()).isFalse();
        } else {
            assertThat(t.value()).isEqualByComparingTo(value);
            assertThat(t.isScored()).isTrue();
        }
    }

    @ParameterizedTest
    @CsvSource({"持平", "5.5万", "> 七十"})
    void rejectsWhatIsNotATarget(String written) {
        assertThatThrownBy(() -> Target.parse(written, "higher")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(written).hasMessageContaining("目标值");
    }

    @ParameterizedTest
    @CsvSource({">70", "5.5", "/"})
    void keepsTheTextExactlyAsWritten(String written) {
        assertThat(Target.parse(written, "higher").text()).isEqualTo(written);
    }
}
