package com.qiyouxiang.batch;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one neutralising rule (OWASP): formula triggers, also after leading whitespace, get an apostrophe in CSV. */
class SafeTextTest {

    @Test
    void everyClassicInjectionStringIsNeutralised() {
        for (String s : InjectionStrings.ALL) {
            assertThat(SafeText.formulaLike(s)).as(s).isTrue();
            assertThat(SafeText.csv(s)).isEqualTo("'" + s);
        }
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        assertThat(SafeText.csv("H01-2026Q2")).isEqualTo("H01-2026Q2");
        assertThat(SafeText.csv("暨阳街道")).isEqualTo("暨阳街道");
        assertThat(SafeText.csv("a=b")).isEqualTo("a=b");
        assertThat(SafeText.csv("  12")).isEqualTo("  12");
        assertThat(SafeText.csv("-")).isEqualTo("'-");
        assertThat(SafeText.csv("")).isEmpty();
        assertThat(SafeText.csv(null)).isNull();
        assertThat(SafeText.html("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
