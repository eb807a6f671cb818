package com.qiyouxiang.operations;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.converter.DefaultJobParametersConverter;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * Runs the job named by {@code spring.batch.job.name} with the {@code key=value} arguments as job
 * parameters, and sets the process exit code.
 * <ul>
 * <li>When the job's last run failed, or was killed (still marked STARTED), and is launched again
 * with the same parameters, that execution is restarted where it failed (Spring Batch restart).</li>
 * <li>Otherwise a new run starts; {@code run.id} keeps each launch a new job instance, so a job
 * can run every night with the same parameters.</li>
 * </ul>
 * Boot's own runner is switched off (spring.batch.job.enabled=false) in favour of this one.
 */
@Component
@ConditionalOnProperty(name = "qyx.launcher.enabled", havingValue = "true", matchIfMissing = true)
public class JobLaunchRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(JobLaunchRunner.class);
    static final String RUN_ID = "run.id";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final List<Job> jobs;
    private final Environment environment;
    private final WarehouseProperties warehouse;
    private int exitCode = ExitCodes.SUCCESS;

    public JobLaunchRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, Environment environment,
                           WarehouseProperties warehouse) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.environment = environment;
        this.warehouse = warehouse;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (environment.containsProperty("qyx.command")) {
            return;
        }
        String name = environment.getProperty("spring.batch.job.name", "");
        Set<String> names = new TreeSet<>(jobs.stream().map(Job::getName).toList());
        Job job = jobs.stream().filter(j -> j.getName().equals(name)).findFirst().orElse(null);
        if (job == null) {
            log.error(name.isBlank() ? "No job named: use --spring.batch.job.name=<job>, one of {}"
                    : "Unknown job '" + name + "': use one of {}", names);
            exitCode = ExitCodes.BAD_ARGUMENTS;
            return;
        }
        JobParameters given;
        try {
            given = parameters(args.getNonOptionArgs());
        } catch (IllegalArgumentException e) {
            log.error("Bad job parameters {}: {} (write key=value)", args.getNonOptionArgs(), e.getMessage());
            exitCode = ExitCodes.BAD_ARGUMENTS;
            return;
        }
        try (RunLock lock = RunLock.acquire(warehouse.warehousePath(), name + " " + args.getNonOptionArgs())) {
            JobExecution execution = launch(job, given);
            exitCode = exitCodeOf(execution);
        } catch (RunLock.HeldException e) {
            log.error("{}. Not started; try again when it has finished.", e.getMessage());
            exitCode = ExitCodes.ALREADY_RUNNING;
        }
    }

    /** Starts a new run of the job, or restarts its last run when that failed with the same parameters. */
    public JobExecution launch(Job job, JobParameters given) throws Exception {
        JobExecution last = lastExecution(job.getName());
        if (last != null && last.getStatus().isRunning()) {
            markCrashed(last);
        }
        if (last != null && (last.getStatus() == BatchStatus.FAILED || last.getStatus() == BatchStatus.STOPPED)
                && withoutRunId(last.getJobParameters()).equals(given)) {
            log.info("Restarting {} execution #{} (it ended {}) where it stopped, with its parameters {}",
                    job.getName(), last.getId(), last.getStatus(), last.getJobParameters());
            return jobOperator.restart(last);
        }
        long runId = last == null ? 1 : nextRunId(last.getJobParameters());
        JobParameters parameters = new JobParametersBuilder(given).addLong(RUN_ID, runId).toJobParameters();
        return jobOperator.start(job, parameters);
    }

    private JobExecution lastExecution(String jobName) {
        JobInstance instance = jobRepository.getLastJobInstance(jobName);
        return instance == null ? null : jobRepository.getLastJobExecution(instance);
    }

    /** A run still marked running was killed (the run lock guarantees no other live run): record it as failed. */
    private void markCrashed(JobExecution execution) {
        log.warn("{} execution #{} was left {} by a process that died; marking it FAILED so it can restart",
                execution.getJobInstance().getJobName(), execution.getId(), execution.getStatus());
        LocalDateTime now = LocalDateTime.now();
        for (StepExecution step : execution.getStepExecutions()) {
            if (step.getStatus().isRunning()) {
                step.setStatus(BatchStatus.FAILED);
                step.setExitStatus(new ExitStatus("FAILED", "process killed"));
                step.setEndTime(now);
                jobRepository.update(step);
            }
        }
        execution.setStatus(BatchStatus.FAILED);
        execution.setExitStatus(new ExitStatus("FAILED", "process killed"));
        execution.setEndTime(now);
        jobRepository.update(execution);
    }

    static JobParameters parameters(List<String> args) {
        Properties properties = new Properties();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("'" + arg + "' is not key=value");
            }
            properties.setProperty(arg.substring(0, eq), arg.substring(eq + 1));
        }
        return new DefaultJobParametersConverter().getJobParameters(properties);
    }

    private static JobParameters withoutRunId(JobParameters parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (JobParameter<?> p : parameters.parameters()) {
            if (!p.name().equals(RUN_ID)) {
                builder.addJobParameter(p);
            }
        }
        return builder.toJobParameters();
    }

    private static long nextRunId(JobParameters parameters) {
        JobParameter<?> runId = parameters.getParameter(RUN_ID);
        return runId == null ? 1 : ((Number) runId.value()).longValue() + 1;
    }

    static int exitCodeOf(JobExecution execution) {
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            return ExitCodes.FAILED;
        }
        return RunSummaryListener.WARNINGS.equals(execution.getExitStatus().getExitCode())
                ? ExitCodes.SUCCESS_WITH_WARNINGS : ExitCodes.SUCCESS;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
