package com.qiyouxiang.intake.spreadsheet;

import static com.qiyouxiang.intake.spreadsheet.ReaderFixtures.row;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * {@link TownRowReader} on data rows of the town-columns layout, each record's outcome as a dry run sees it (real
 * reference, real rules, nothing written): towns by short name, the 合计 row as the city, a row without or with an
 * unknown town, the rate's zero, missing and no-value parts, and a rate whose part is a figure of its own (an annual
 * figure in a quarterly sheet): each part kept or rejected on its own, the rate only from two good cells.
 */
class TownRowReaderTest extends ReaderTestBase {

    /** The outcomes of the rows read by the mapping's town layout for the period, after the header rows. */
    private ReaderFixtures.Outcomes read(SourceMapping mapping, String period, List<RawRow> header, RawRow... rows)
            throws Exception {
        ReaderFixtures.Outcomes outcomes = new ReaderFixtures.Outcomes();
        try (Connection c = warehouse.connect()) {
            FileLoad load = new FileLoad(c, rules, 0, "test.xlsx", "WJ", null, 100, outcomes);
            FileFacts facts = new FileFacts();
            facts.period = period;
            TownRowReader reader = new TownRowReader(new RowContext(mapping, reference, "分镇街", load, facts),
                    new HeaderResolver(mapping, reference, "分镇街").resolve(header).columns());
            for (RawRow r : rows) {
                reader.read(r);
            }
            load.finish();
        }
        return outcomes;
    }

    @Test
    void townsTheCityRowAndTheRatesParts() throws Exception {
        List<RawRow> header = List.of(row(3, "镇街", "常住人口（人）", "托位数（个）", null, "0-3岁儿童", null),
                row(4, null, null, "总数", "其中普惠", "儿童数（人）", "筛查数（人）"));
        String jiyang = reference.town("暨阳");
        String huandong = reference.town("浣东街道");
        ReaderFixtures.Outcomes o = read(ReaderFixtures.installed("wj-towns"), "2024Q2", header,
                row(5, "暨　阳", 150000, 600, 300, 3800, 3610),
                row(6, "合计", 1000000, 5000, 2500, 30000, 27000),
                row(7, null, 1, 2),
                row(8, "火星镇", 1, 2),
                row(9, "浣东街道", 0, 100, "/", 3000, "—"),
                row(10, "陶朱街道", 120000, 480, 240, null, 2900));
        assertThat(o.lines).containsExactly(
                "rejected 分镇街!A7 MISSING_TOWN 该行有数据但未填写镇街名称，请补填镇街名称（如“暨阳街道”）或删除该行",
                "rejected 分镇街!A8 UNKNOWN_TOWN 无法识别镇街名称“火星镇”，请使用标准名称，如“暨阳街道”或“暨阳”",
                "rejected 分镇街!B9 ZERO_DENOMINATOR “常住人口”为 0，无法计算比率，请核实后填写",
                "ignored 9 no_value",
                "ignored 9 no_value",
                "rejected 分镇街!E10 MISSING_DENOMINATOR 已填写“0-3岁儿童/筛查数”但缺少“0-3岁儿童/儿童数”，请补填",
                "loaded H01 " + jiyang + " 2024Q2 4.0 at 分镇街!C5",
                "loaded H02 " + jiyang + " 2024Q2 50.0 at 分镇街!D5",
                "loaded H03 " + jiyang + " 2024Q2 95.0 at 分镇街!F5",
                "loaded H01 " + ReferenceData.CITY + " 2024Q2 5.0 at 分镇街!C6",
                "loaded H02 " + ReferenceData.CITY + " 2024Q2 50.0 at 分镇街!D6",
                "loaded H03 " + ReferenceData.CITY + " 2024Q2 90.0 at 分镇街!F6",
                "loaded H01 " + reference.town("陶朱街道") + " 2024Q2 4.0 at 分镇街!C10",
                "loaded H02 " + reference.town("陶朱街道") + " 2024Q2 50.0 at 分镇街!D10");
        assertThat(huandong).isNotNull();
    }

    @Test
    void aRatesPartThatIsAFigureOfItsOwnIsKeptOrRejectedOnItsOwn() throws Exception {
        List<RawRow> header = List.of(row(2, "镇街", "60岁及以上老年人口（人）", "持证养老护理员数（人）"));
        String jiyang = reference.town("暨阳");
        String huandong = reference.town("浣东");
        ReaderFixtures.Outcomes o = read(ReaderFixtures.onboarding("mz-care-quarterly.yml"), "2024Q3", header,
                row(3, "暨阳", 30000, 90),
                row(4, "浣东", 20000, "九十"),
                row(5, "陶朱", "两万", 60));
        assertThat(o.lines).hasSize(6);
        assertThat(o.lines.subList(0, 3)).satisfiesExactly(
                l -> assertThat(l).startsWith("rejected 分镇街!C4 "),
                l -> assertThat(l).startsWith("rejected 分镇街!B5 "),
                l -> assertThat(l).isEqualTo("ignored 5 rate_part_rejected"));
        assertThat(o.lines.subList(3, 6)).containsExactly(
                "loaded C02 " + jiyang + " 2024 30000.0 at 分镇街!B3",
                "loaded H13 " + jiyang + " 2024Q3 30.0 at 分镇街!C3",
                "loaded C02 " + huandong + " 2024 20000.0 at 分镇街!B4");
    }
}
