package com.qiyouxiang.evaluation;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.validation.ValidationProperties;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * evaluationJob: the quarterly evaluation (docs/evaluation-method.md).
 * <ol>
 * <li>evaluateQuarter: the models under sql/intermediate/, then every mart under sql/marts/ for the quarter, in one transaction;</li>
 * <li>dataQualityChecks: the checks under sql/checks/; results stored, an error-severity failure fails the run.</li>
 * </ol>
 * Job parameter {@code quarter} (e.g. 2026Q3, or {@code current}), default the last closed quarter; optional
 * {@code from} (e.g. 2023Q1) evaluates every quarter from it through {@code quarter} (a backfill, one transaction);
 * optional {@code today} (ISO date) evaluates as on that day (which quarters have closed; default: today).
 * Both steps are beans so the nightly and quarterly jobs can reuse them.
 */
@Configuration
public class EvaluationJobConfig {

    @Bean
    public Job evaluationJob(JobRepository jobRepository, Step evaluateQuarter, Step dataQualityChecks) {
        return new JobBuilder("evaluationJob", jobRepository)
                .start(evaluateQuarter)
                .next(dataQualityChecks)
                .build();
    }

    @Bean
    public Step evaluateQuarter(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                WarehouseProperties warehouseProperties, EvaluationProperties properties,
                                ValidationProperties validation) {
        QuarterEvaluator evaluator = new QuarterEvaluator(properties, warehouseProperties.referenceDir(),
                validation.countUnverified());
        return new StepBuilder("evaluateQuarter", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                LocalDate today = today(context);
                Quarter last = Quarter.fromJobParameters(context, today);
                Object from = context.getStepContext().getJobParameters().get("from");
                if (from == null || from.toString().isBlank()) {
                    return evaluator.evaluate(c, last, today);
                }
                List<String> lines = new ArrayList<>();
                List<Quarter> quarters = Quarter.parse(from.toString()).through(last);
                for (Quarter quarter : quarters) {
                    List<String> summary = evaluator.evaluate(c, quarter, today);
                    lines.add(summary.get(0));
                    if (quarter.equals(last)) {
                        lines.addAll(summary.subList(1, summary.size()));
                    }
                }
                return lines;
            }
        }, tx).build();
    }

    /**
     * freezeMeetingVersion (quarterlyJob): freezes the quarter's evaluation as the 季度调度会's version once the
     * quarter has closed (§8): version 1 on the first quarterly run after it closed, kept by every later run;
     * job parameter {@code rerun=true} (a re-convened meeting) makes the next version and keeps the old. After a
     * new version the quarter is evaluated again, so its current rows point at the version they are compared with.
     */
    @Bean
    public Step freezeMeetingVersion(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                                     WarehouseProperties warehouseProperties, EvaluationProperties properties,
                                     ValidationProperties validation) {
        QuarterEvaluator evaluator = new QuarterEvaluator(properties, warehouseProperties.referenceDir(),
                validation.countUnverified());
        return new StepBuilder("freezeMeetingVersion", jobRepository).tasklet(new WarehouseTasklet(warehouse) {
            @Override
            protected List<String> work(Connection c, StepContribution contribution, ChunkContext context) throws Exception {
                LocalDate today = today(context);
                Quarter quarter = Quarter.fromJobParameters(context, today);
                boolean rerun = "true".equalsIgnoreCase(String.valueOf(context.getStepContext().getJobParameters().get("rerun")));
                MeetingVersions.Outcome o = MeetingVersions.freeze(c, quarter, today, rerun,
                        context.getStepContext().getStepExecution().getJobExecutionId());
                if (o.version() == null) {
                    return List.of(quarter + ": not closed on " + today + ", no meeting version frozen");
                }
                if (o.made()) {
                    evaluator.evaluate(c, quarter, today);
                    contribution.incrementWriteCount(o.rows());
                    return List.of(quarter + ": meeting version " + o.version() + " frozen (" + o.rows() + " mart rows)");
                }
                return List.of(quarter + ": meeting version " + o.version() + " kept as frozen at " + o.frozenAt()
                        + " (rerun=true makes a new one)");
            }
        }, tx).build();
    }

    /**
     * Runs the checks and commits their results even when one fails, then fails the step when an
     * error-severity check found rows, so whatever follows (publishing) does not run.
     */
    @Bean
    public Step dataQualityChecks(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse) {
        Tasklet checks = (StepContribution contribution, ChunkContext context) -> {
            Quarter quarter = Quarter.fromJobParameters(context, LocalDate.now());
            List<DataQualityChecks.Result> results;
            try (Connection c = warehouse.connect()) {
                results = DataQualityChecks.run(c, quarter, context.getStepContext().getStepExecution().getJobExecutionId());
            }
            List<String> lines = new ArrayList<>();
            long passed = results.stream().filter(r -> r.failedRows() == 0).count();
            lines.add(quarter + ": " + results.size() + " data-quality checks, " + passed + " passed");
            results.forEach(r -> lines.add(r.line()));
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, String.join("\n", lines));
            List<String> blocking = results.stream().filter(DataQualityChecks.Result::blocksPublishing)
                    .map(r -> r.check().name()).toList();
            if (!blocking.isEmpty()) {
                throw new DataQualityException("error-severity data-quality checks failed: " + blocking);
            }
            return RepeatStatus.FINISHED;
        };
        return new StepBuilder("dataQualityChecks", jobRepository).tasklet(checks, tx).build();
    }

    /** The job parameter {@code today=} (a test's or a rerun's date), or the real date. */
    private static LocalDate today(ChunkContext context) {
        Object day = context.getStepContext().getJobParameters().get("today");
        return day == null || day.toString().isBlank() ? LocalDate.now() : LocalDate.parse(day.toString().trim());
    }
}
