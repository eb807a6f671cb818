package com.qiyouxiang.batch;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.qiyouxiang.warehouse.FaultInjection;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * A step that does its work in one warehouse transaction: all of it commits, or none of it does
 * (a crash mid-step leaves the warehouse as before the step, and a restart redoes the step).
 * Lines added to the summary are shown in the run summary.
 */
public abstract class WarehouseTasklet implements Tasklet {

    public static final String SUMMARY_KEY = "qyx.summary";

    private final Warehouse warehouse;

    protected WarehouseTasklet(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** The step's work, inside one transaction on {@code c}; returns lines for the run summary. */
    protected abstract List<String> work(Connection c, StepContribution contribution, ChunkContext context)
            throws Exception;

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        List<String> summary;
        try (Connection c = warehouse.connect()) {
            c.setAutoCommit(false);
            try {
                summary = work(c, contribution, chunkContext);
                FaultInjection.beforeCommit(contribution.getStepExecution().getStepName());
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        List<String> lines = new ArrayList<>(summary);
        contribution.getStepExecution().getExecutionContext().putString(SUMMARY_KEY, String.join("\n", lines));
        return RepeatStatus.FINISHED;
    }

    protected static Long jobExecutionId(ChunkContext context) {
        return context.getStepContext().getStepExecution().getJobExecutionId();
    }
}
