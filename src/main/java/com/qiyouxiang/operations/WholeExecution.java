package com.qiyouxiang.operations;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * A run as the clerk sees it: this launch and, when it restarted a failed run, the launches before
 * it (every execution of the job instance). A restart skips the steps that completed before, so
 * what those steps found (refused files, rejected rows, warnings) lives in the earlier executions.
 *
 * @param ids   the job execution ids, oldest first, this launch last
 * @param steps the latest execution of every step, in the order the steps first ran
 */
public record WholeExecution(List<Long> ids, List<StepExecution> steps) {

    public static WholeExecution of(JobExecution job, JobRepository repository) {
        List<JobExecution> executions = new ArrayList<>();
        if (repository != null && job.getJobInstance() != null) {
            executions.addAll(repository.getJobExecutions(job.getJobInstance()));
        }
        executions.removeIf(e -> e.getId() == job.getId());
        executions.sort(Comparator.comparingLong(JobExecution::getId));
        executions.add(job); // this launch as it is in memory (its steps' latest state)
        Map<String, StepExecution> latest = new LinkedHashMap<>();
        for (JobExecution e : executions) {
            List<StepExecution> steps = new ArrayList<>(e.getStepExecutions());
            steps.sort(Comparator.comparingLong(StepExecution::getId));
            steps.forEach(s -> latest.put(s.getStepName(), s));
        }
        return new WholeExecution(executions.stream().map(JobExecution::getId).toList(), List.copyOf(latest.values()));
    }

    /** The ids as '3,4' for the SQL files' {@code ${job_execution_ids}}. */
    public String idList() {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }
}
