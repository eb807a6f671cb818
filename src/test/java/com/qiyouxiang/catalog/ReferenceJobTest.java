package com.qiyouxiang.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.samples.CatalogWorkbookWriter;
import com.qiyouxiang.warehouse.Warehouse;

/** referenceJob on the bundled samples: the plan's 21 headline indicators exactly as the plan writes them. */
class ReferenceJobTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    Warehouse warehouse;

    JdbcTemplate jdbc;

    @BeforeEach
    void runReferenceJob() throws Exception {
        jobs.setJob(referenceJob);
        JobExecution execution = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        assertThat(execution.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        jdbc = warehouse.jdbc();
    }

    @Test
    void loadsTheSevenDomainsWithTheirLeadBureaus() {
        assertThat(jdbc.queryForList("""
                SELECT d.domain_name || '=' || b.short_name FROM dim_domain d JOIN dim_bureau b ON b.bureau_code = d.lead_bureau_code
                ORDER BY d.sort_order""", String.class))
                .containsExactly("幼有善育=卫生健康局", "学有优教=教体局", "劳有所得=人力社保局", "病有良医=卫生健康局",
                        "老有康养=民政局", "住有宜居=建设局", "弱有众扶=民政局");
    }

    @Test
    void loadsAllTownsAndTheCity() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dim_town WHERE level = 'town'", Integer.class)).isEqualTo(23);
        assertThat(jdbc.queryForList("SELECT town_type || count(*) FROM dim_town WHERE level = 'town' GROUP BY town_type ORDER BY 1",
                String.class)).containsExactly("乡1", "街道5", "镇17");
        Map<String, Object> city = jdbc.queryForMap("SELECT * FROM dim_town WHERE level = 'city'");
        assertThat(city).containsEntry("town_code", "330681").containsEntry("town_name", "诸暨市");
        Map<String, Object> jiyang = jdbc.queryForMap("SELECT * FROM dim_town WHERE short_name = '暨阳'");
        assertThat(jiyang).containsEntry("division_code_12", "330681001000").containsEntry("division_code_9", "330681001")
                .containsEntry("town_type", "街道");
    }

    @Test
    void resolvesEveryBureauAliasThePlanAndPeopleUse() {
        Map<String, String> expected = Map.of("人社局", "RS", "人力社保局", "RS", "诸暨市人力资源和社会保障局", "RS",
                "卫健局", "WJ", "卫生健康局", "WJ", "教育体育局", "JT", "教体局", "JT", "住建局", "JS", "残联", "CL",
                "医疗保障局", "YB");
        expected.forEach((alias, code) -> assertThat(
                jdbc.queryForObject("SELECT bureau_code FROM dim_bureau_alias WHERE alias = ?", String.class, alias))
                .as(alias).isEqualTo(code));
    }

    @Test
    void headlineIndicatorsCarryThePlansMarksUnitsDomainsAndBureaus() {
        List<Map<String, Object>> rows = jdbc.queryForList("""
                SELECT i.*, d.domain_name, b.short_name AS bureau FROM dim_indicator i
                JOIN dim_domain d USING (domain_code) JOIN dim_bureau b USING (bureau_code)
                WHERE kind = 'headline' AND is_current ORDER BY seq_no""");
        assertThat(rows).hasSize(21);
        assertThat(rows.stream().filter(r -> (Boolean) r.get("is_core")).map(r -> r.get("seq_no"))).containsExactly(1, 5, 8, 10, 13, 17, 19);
        assertThat(rows.stream().filter(r -> (Boolean) r.get("is_observation")).map(r -> r.get("seq_no"))).containsExactly(7, 15);
        Map<String, Object> first = rows.get(0);
        assertThat(first).containsEntry("indicator_name", "每千人口拥有3岁以下婴幼儿托位数").containsEntry("unit", "个")
                .containsEntry("domain_name", "幼有善育").containsEntry("bureau", "卫生健康局").containsEntry("plan_mark", "*1");
        Map<String, Object> rental = rows.get(16);
        assertThat(rental).containsEntry("indicator_name", "保障性租赁住房累计建设筹集套(间)数").containsEntry("unit", "万套")
                .containsEntry("bureau", "建设局");
        assertThat(rows.get(6)).containsEntry("bureau", "人力社保局").containsEntry("direction", "lower");
        assertThat(rows.get(10)).containsEntry("direction", "lower");
        assertThat(rows.get(18).get("note").toString()).contains("17000");
    }

    @Test
    void targetsAreExactlyThePlansTable() {
        StringBuilder plan = new StringBuilder();
        for (String line : CatalogWorkbookWriter.PLAN_TABLE.strip().split("\n")) {
            String[] cells = line.split("\t", -1);
            plan.append(plan.isEmpty() ? "" : "\n").append(cells[1].replaceAll("[*▲]", "")).append(':')
                    .append(String.join("|", java.util.Arrays.copyOfRange(cells, 3, 9)));
        }
        String expected = plan.toString();
        String actual = String.join("\n", jdbc.queryForList("""
                SELECT i.seq_no || ':' || any_value(t.baseline_text) || '|' || string_agg(t.target_text, '|' ORDER BY t.year)
                FROM fct_indicator_target t JOIN dim_indicator i ON i.indicator_code = t.indicator_code AND i.is_current
                WHERE i.kind = 'headline' GROUP BY i.seq_no ORDER BY i.seq_no""", String.class));
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void parsesEveryTargetForm() {
        assertThat(target("H01", 2024)).isEqualTo(">=|4.3000|3.5000");
        assertThat(target("H12", 2025)).isEqualTo(">|70.0000|72.6600");
        assertThat(target("H19", 2027)).isEqualTo(">|17000.0000|12600.0000");
        assertThat(target("H19", 2023)).isEqualTo(">=|13200.0000|12600.0000");
        assertThat(target("H11", 2027)).isEqualTo("<=|8.5000|9.6400");
        assertThat(target("H07", 2025)).isEqualTo("null|null|null");
        assertThat(target("H06", 2023)).isEqualTo(">=|70.0000|null");
        assertThat(target("T04", 2027)).isEqualTo(">=|1.1700|null");
        assertThat(target("T07", 2027)).isEqualTo(">|95.0000|null");
        assertThat(target("T35", 2027)).isEqualTo("<=|4500.0000|null");
    }

    @Test
    void taskIndicatorsOfSectionTwoArePresentWithTargets() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM dim_indicator WHERE kind = 'task' AND is_current", Integer.class)).isEqualTo(61);
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM dim_indicator i WHERE kind = 'task'
                AND NOT EXISTS (SELECT 1 FROM fct_indicator_target t WHERE t.indicator_code = i.indicator_code)""", Integer.class)).isZero();
        assertThat(jdbc.queryForMap("SELECT * FROM dim_indicator WHERE indicator_code = 'T03'"))
                .containsEntry("indicator_name", "托育机构从业人员持证率").containsEntry("unit", "%");
        assertThat(jdbc.queryForList("SELECT year FROM fct_indicator_target WHERE indicator_code = 'T03'", Integer.class)).containsExactly(2025);
        // "到2027年，每年免费健康体检20万人以上" is a 2027 target; "每年新增成人初高中学历提升0.19万人以上" is one for every year
        assertThat(jdbc.queryForList("SELECT year FROM fct_indicator_target WHERE indicator_code = 'T32' ORDER BY year", Integer.class))
                .containsExactly(2027);
        assertThat(jdbc.queryForList("SELECT year FROM fct_indicator_target WHERE indicator_code = 'T14' ORDER BY year", Integer.class))
                .containsExactly(2023, 2024, 2025, 2026, 2027);
        // goals the catalog once lacked: 省级重点专科, 旗舰中医馆, 体育设施 100% 开放, 乐龄中心 in every 片区
        assertThat(target("T52", 2027)).isEqualTo(">=|1.0000|null");
        assertThat(target("T53", 2027)).isEqualTo(">=|1.0000|null");
        assertThat(target("T57", 2027)).isEqualTo(">=|100.0000|null");
        assertThat(target("T58", 2027)).isEqualTo(">=|100.0000|null");
        assertThat(target("T60", 2027)).isEqualTo(">=|100.0000|null");
        // one rule for 全覆盖 / 所有…均 / 每个… / 100%: every such goal is an indicator with a 100 % target
        assertThat(jdbc.queryForObject("""
                SELECT count(*) FROM dim_indicator i JOIN fct_indicator_target t USING (indicator_code)
                WHERE i.kind = 'task' AND regexp_matches(i.note, '全覆盖|所有.*均|每个|100 ?%')
                  AND NOT (t.target_value = 100 AND t.comparator = '>=')""", Integer.class)).isZero();
    }

    @Test
    void runningAgainChangesNothing() throws Exception {
        String before = snapshot();
        JobExecution again = jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters());
        assertThat(again.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(snapshot()).isEqualTo(before);
    }

    private String snapshot() {
        StringBuilder s = new StringBuilder();
        for (String table : List.of("dim_domain", "dim_bureau", "dim_bureau_alias", "dim_town", "dim_indicator",
                "fct_indicator_target", "etl_file", "etl_reject")) {
            s.append(table).append(jdbc.queryForList("SELECT * FROM " + table + " ORDER BY ALL")).append('\n');
        }
        return s.toString();
    }

    private String target(String code, int year) {
        return jdbc.queryForObject("SELECT comparator || '|' || target_value || '|' || baseline_value FROM ("
                + "SELECT coalesce(comparator, 'null') AS comparator, coalesce(CAST(target_value AS VARCHAR), 'null') AS target_value, "
                + "coalesce(CAST(baseline_value AS VARCHAR), 'null') AS baseline_value FROM fct_indicator_target "
                + "WHERE indicator_code = ? AND year = ?)", String.class, code, year);
    }
}
