package com.qiyouxiang.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

import com.qiyouxiang.WarehouseJobTest;
import com.qiyouxiang.warehouse.FaultInjection;

/**
 * Issue 14, item 5: publish is all-or-nothing for the set of marts. out/marts is a link switched in one rename to a
 * complete set; a full disk half-way (qyx.fault.io-error) fails the step with its cause ("No space left on device",
 * not "Statement was closed"), leaves the old set and the link as they were, and no temporary file anywhere under
 * out/; a *.csv glob over out/marts/csv reads exactly one row per mart row.
 */
class PublishSwitchTest extends WarehouseJobTest {

    @Autowired
    JobOperatorTestUtils jobs;

    @Autowired
    @Qualifier("referenceJob")
    Job referenceJob;

    @Autowired
    @Qualifier("evaluationJob")
    Job evaluationJob;

    @Autowired
    @Qualifier("publishJob")
    Job publishJob;

    JobExecution last;

    BatchStatus launch(Job job) throws Exception {
        jobs.setJob(job);
        last = jobs.startJob(new JobParametersBuilder().addString("quarter", "2026Q3").addLong("run", System.nanoTime())
                .toJobParameters());
        return last.getStatus();
    }

    Path link() {
        return outputDir.resolve("marts");
    }

    @Test
    void theSetSwitchesWholeOrNotAtAll() throws Exception {
        assertThat(launch(referenceJob)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch(evaluationJob)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch(publishJob)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(Files.isSymbolicLink(link())).isTrue();
        Path first = Files.readSymbolicLink(link());
        long rows = globRows();
        assertThat(rows).isEqualTo(martRows());

        System.setProperty(FaultInjection.IO_ERROR_PROPERTY, "publish:mart_domain_quarter");
        try {
            assertThat(launch(publishJob)).isEqualTo(BatchStatus.FAILED);
        } finally {
            System.clearProperty(FaultInjection.IO_ERROR_PROPERTY);
        }
        assertThat(last.getExitStatus().getExitDescription()).contains("No space left on device")
                .doesNotContain("Statement was closed");
        try (Stream<Path> runs = Files.list(outputDir.getParent().resolve("logs/runs"))) {
            Path summary = runs.filter(p -> p.getFileName().toString().contains("publishJob-" + last.getId())).findFirst().orElseThrow();
            assertThat(Files.readString(summary)).contains("发布数据集：失败，原因：磁盘空间已满（No space left on device");
        }
        assertThat(Files.readSymbolicLink(link())).isEqualTo(first);
        assertThat(globRows()).isEqualTo(rows);
        assertThat(temporaryFiles()).isEmpty();

        assertThat(launch(publishJob)).isEqualTo(BatchStatus.COMPLETED);
        Path second = Files.readSymbolicLink(link());
        assertThat(second).isNotEqualTo(first);
        assertThat(launch(publishJob)).isEqualTo(BatchStatus.COMPLETED);
        try (Stream<Path> sets = Files.list(outputDir.resolve(MartsPublisher.SETS))) {
            assertThat(sets.map(p -> p.getFileName().toString()).toList()).as("the current set and the one before")
                    .containsExactlyInAnyOrder(second.getFileName().toString(), Files.readSymbolicLink(link()).getFileName().toString());
        }
        assertThat(globRows()).isEqualTo(rows);
        assertThat(temporaryFiles()).isEmpty();
    }

    /** What BI tools do: every CSV of the marts folder at once. */
    long globRows() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM read_csv('" + link().resolve("csv") + "/*.csv', union_by_name = true)")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    long martRows() throws Exception {
        long n = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + outputDir.resolve("qiyouxiang_marts.duckdb"),
                readOnly()); Statement s = c.createStatement()) {
            for (String mart : MartsPublisher.martTables(c)) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + mart)) {
                    rs.next();
                    n += rs.getLong(1);
                }
            }
        }
        return n;
    }

    static java.util.Properties readOnly() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("duckdb.read_only", "true");
        return p;
    }

    List<Path> temporaryFiles() throws Exception {
        try (Stream<Path> all = Files.walk(outputDir)) {
            return all.filter(p -> p.getFileName().toString().contains(".tmp-") || p.getFileName().toString().contains(".link-"))
                    .toList();
        }
    }
}
