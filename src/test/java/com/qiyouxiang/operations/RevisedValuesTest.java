package com.qiyouxiang.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.FactWriter;
import com.qiyouxiang.warehouse.Observation;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * The clerk's summary names the figures a run revised, old → new, written as the report writes them: the
 * indicator's unit and display decimals (a rate to one decimal with %, a per-thousand figure to two), never the
 * stored double (4.2364).
 */
class RevisedValuesTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    Warehouse warehouse;

    @Test
    void revisedFiguresAreShownInTheirUnitAndDecimals() throws Exception {
        jobs.setJob(referenceJob);
        assertThat(jobs.startJob(new JobParametersBuilder().addLong("run", System.nanoTime()).toJobParameters()).getStatus())
                .isEqualTo(BatchStatus.COMPLETED);
        try (Connection c = warehouse.connect()) {
            // run 7 loads, run 8 corrects: H03 (%, one decimal) and H01 (每千人口…, two decimals)
            write(c, "H03", 96.04, 7L);
            write(c, "H01", 4.227, 7L);
            write(c, "H03", 80.0, 8L);
            write(c, "H01", 4.23641, 8L);
        }
        String h03 = warehouse.jdbc().queryForObject("SELECT indicator_name FROM dim_indicator WHERE indicator_code = 'H03' AND is_current", String.class);
        String h01 = warehouse.jdbc().queryForObject("SELECT indicator_name FROM dim_indicator WHERE indicator_code = 'H01' AND is_current", String.class);
        List<String> lines = new ClerkSummary(warehouse.jdbc()).revised("8");
        assertThat(lines).containsExactly(
                "  " + h01 + "（诸暨市，2026年第二季度）：4.23个 → 4.24个",
                "  " + h03 + "（诸暨市，2026年第二季度）：96.0% → 80.0%");
        assertThat(new ClerkSummary(warehouse.jdbc()).revised("7")).as("run 7 revised nothing (first versions)").isEmpty();
    }

    private static void write(Connection c, String indicator, double value, long jobExecutionId) throws Exception {
        FactWriter.write(c, List.of(Observation.of(indicator, "330681", "2026Q2", value)
                        .withSource(Observation.Source.cell("分镇街", 29L, "分镇街!F29"))), "spreadsheet", "WJ", null,
                "卫健局2026Q2.xlsx", jobExecutionId);
    }
}
