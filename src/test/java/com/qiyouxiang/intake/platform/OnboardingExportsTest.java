package com.qiyouxiang.intake.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.validation.ValueRules;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * An export a clerk onboards with one mapping and no Java (src/test/resources/onboarding-platform): written here in
 * GBK with ';' between fields, a title line above the header, the platform's own indicator codes (QYX03 for H03) and
 * an indicator known only by its name. jobs/run check's dry run first, then the load.
 */
class OnboardingExportsTest extends WarehouseJobTest {

    @TempDir
    Path work;

    @Autowired
    JobOperatorTestUtils jobs;
    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;
    @Autowired
    Warehouse warehouse;
    @Autowired
    ValueRules rules;
    @Autowired
    PlatformProperties properties;

    @Test
    void aForeignCodedGbkSemicolonExportLoadsWithAMappingAlone() throws Exception {
        jobs.setJob(referenceJob);
        jobs.startJob();
        JdbcTemplate jdbc = warehouse.jdbc();
        String h02 = jdbc.queryForObject("SELECT indicator_name FROM dim_indicator WHERE indicator_code = 'H02' AND is_current", String.class);
        Path file = work.resolve("平台QYX导出_2026Q3.txt");
        Files.write(file, List.of("公共数据平台指标导出（导出时间：2026-10-08 09:00）",
                "指标代码;指标名称;区划代码;统计期;数值;单位;来源部门",
                "QYX03;0-3岁儿童发育监测筛查率;330681001000;2026Q3;97.5;%;卫健局",
                "QYX03;0-3岁儿童发育监测筛查率;330681002000;2026Q3;96.1;%;卫健局",
                "ZJ-0002;" + h02.replace("（", "(").replace("）", ")") + " ;330681001000;2026Q3;55;%;卫健局",
                "QYX99;不存在的指标;330681001000;2026Q3;1;%;卫健局"), Charset.forName("GBK"));
        List<PlatformMapping> mappings = new ArrayList<>(PlatformMapping.loadAll(Path.of("jobs/sources/platform")));
        mappings.add(PlatformMapping.loadFile(Path.of("src/test/resources/onboarding-platform/platform-qyx-export.yml")));

        long files = jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class);
        PlatformInbox.Checked checked;
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            checked = PlatformInbox.check(c, file, mappings, null, rules);
            c.rollback();
        }
        assertThat(checked.report()).contains("Mapping: platform-qyx-export (")
                .contains("Read as: GB18030, delimiter ';', quote '\"', header on line 2")
                .contains("    1 指标代码 -> indicator_code").contains("    3 区划代码 -> division_code")
                .contains("  line 1: ignored (title)").contains("  line 2: ignored (header)")
                .contains("  line 3: loads H03 | 330681001 | 2026Q3 | 97.5 (written '97.5', bureau WJ)")
                .contains("  line 5: loads H02 | 330681001 | 2026Q3 | 55")
                .contains("  line 6: rejected UNKNOWN_INDICATOR 'QYX99'\n      bureau reads: 指标编码“QYX99”（指标名称“不存在的指标”）不在七优享指标目录中"
                        + "\n      clerk: map the platform's code in option 'indicator-codes'")
                .contains("Reconciliation: read 6 = loaded 3 + rejected 1 + ignored 2 (title=1, header=1) (reconciles)");
        assertThat(checked.exitCode()).isEqualTo(4);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM etl_file", Long.class)).as("check writes nothing").isEqualTo(files);

        String line = new PlatformInbox(warehouse, properties, rules).loadOne(file, mappings, null);
        assertThat(line).startsWith("平台QYX导出_2026Q3.txt [platform-qyx-export, GB18030]: read 6 = loaded 3 + rejected 1 + ignored 2");
        assertThat(jdbc.queryForList("SELECT indicator_code || ' ' || town_code || ' ' || period_code || ' ' || value"
                + " FROM fct_indicator_value WHERE source_file = '" + file.getFileName() + "' ORDER BY 1", String.class))
                .containsExactly("H02 330681001 2026Q3 55.0", "H03 330681001 2026Q3 97.5", "H03 330681002 2026Q3 96.1");
    }
}
