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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.qiyouxiang.intake.platform.PlatformProperties;
import com.qiyouxiang.intake.spreadsheet.IngestProperties;
import com.qiyouxiang.warehouse.Warehouse;
import com.qiyouxiang.warehouse.WarehouseProperties;

/**
 * Runs the job named by {@code spring.batch.job.name} with the {@code key=value} arguments as job
 * parameters, and sets the process exit code.
 * <ul>
 * <li>When the job's last run failed, or was killed (still marked STARTED), and is launched again
 * with the same parameters, that execution is restarted where it failed (Spring Batch restart).</li>
 * <li>Otherwise a new run starts; {@code run.id} keeps each launch a new job instance, so a job
 * can run every night with the same parameters.</li>
 * <li>Restart is bound to the warehouse: every execution carries the warehouse it ran on as the non-identifying
 * parameter {@code warehouse}. A failed or killed execution of another warehouse (the same metadata shared by two
 * warehouses) is never restarted, nor marked as crashed (its run may be alive, holding that warehouse's lock): the
 * launch says so and starts a fresh, complete run on this warehouse. An execution without the parameter (made
 * before it existed) is taken as this warehouse's.</li>
 * <li>Before the job starts, the warehouse's origin (sample or real, {@link WarehouseOrigin}) is recorded on first
 * use and checked against the configured inboxes: a mismatch refuses the launch with exit 2.</li>
 * </ul>
 * Boot's own runner is switched off (spring.batch.job.enabled=false) in favour of this one.
 */
@Component
@ConditionalOnProperty(name = "qyx.launcher.enabled", havingValue = "true", matchIfMissing = true)
public class JobLaunchRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(JobLaunchRunner.class);
    static final String RUN_ID = "run.id";
    /** The non-identifying job parameter naming the warehouse an execution ran on (absolute path). */
    static final String WAREHOUSE = "warehouse";

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final List<Job> jobs;
    private final Environment environment;
    private final WarehouseProperties warehouse;
    private final Warehouse warehouseFile;
    private final IngestProperties ingest;
    private final PlatformProperties platform;
    private int exitCode = ExitCodes.SUCCESS;

    /** Without a warehouse (tests that call {@link #launch} directly): executions are not bound to one. */
    public JobLaunchRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, Environment environment,
                           WarehouseProperties warehouse) {
        this(jobOperator, jobRepository, jobs, environment, warehouse, null, null, null);
    }

    @Autowired
    public JobLaunchRunner(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, Environment environment,
                           WarehouseProperties warehouse, Warehouse warehouseFile, IngestProperties ingest,
                           PlatformProperties platform) {
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.jobs = jobs;
        this.environment = environment;
        this.warehouse = warehouse;
        this.warehouseFile = warehouseFile;
        this.ingest = ingest;
        this.platform = platform;
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
            String mismatch = WarehouseOrigin.checkOrRecord(warehouseFile, ingest.inboxDir(), platform.inboxDir());
            if (mismatch != null) {
                StartupChecks.print(new StartupRefusal(List.of(mismatch)));
                log.error("Not started: the warehouse's origin (sample or real data) does not match the configured inbox");
                exitCode = ExitCodes.BAD_ARGUMENTS;
                return;
            }
            JobExecution execution = launch(job, given);
            exitCode = exitCodeOf(execution);
        } catch (RunLock.HeldException e) {
            log.error("{}. Not started; try again when it has finished.", e.getMessage());
            exitCode = ExitCodes.ALREADY_RUNNING;
        }
    }

    /** Starts a new run of the job, or restarts its last run when that failed with the same parameters. */
    public JobExecution launch(Job job, JobParameters given) throws Exception {
        String here = warehouse == null ? null : warehouse.warehousePath().toAbsolutePath().normalize().toString();
        JobExecution newest = lastExecution(job.getName());
        JobExecution last = here == null ? newest : lastExecutionOn(job.getName(), here);
        if (newest != null && last != newest && (newest.getStatus().isRunning() || unfinished(newest))) {
            log.warn("{} execution #{} ({}) belongs to another warehouse, {}: not restarting it on this one ({}); "
                    + "starting a fresh run here", job.getName(), newest.getId(), newest.getStatus(), warehouseOf(newest), here);
        }
        if (last != null && last.getStatus().isRunning()) {
            markCrashed(last);
        }
        if (last != null && unfinished(last) && withoutLauncherParameters(last.getJobParameters()).equals(given)) {
            log.info("Restarting {} execution #{} (it ended {}) where it stopped, with its parameters {}",
                    job.getName(), last.getId(), last.getStatus(), last.getJobParameters());
            return jobOperator.restart(last);
        }
        long runId = newest == null ? 1 : nextRunId(newest.getJobParameters());
        JobParametersBuilder parameters = new JobParametersBuilder(given).addLong(RUN_ID, runId);
        if (here != null) {
            parameters.addString(WAREHOUSE, here, false);
        }
        return jobOperator.start(job, parameters.toJobParameters());
    }

    /** The warehouse an execution ran on, or null when it predates the parameter. */
    static String warehouseOf(JobExecution execution) {
        JobParameter<?> p = execution.getJobParameters().getParameter(WAREHOUSE);
        return p == null ? null : String.valueOf(p.value());
    }

    private JobExecution lastExecution(String jobName) {
        JobInstance instance = jobRepository.getLastJobInstance(jobName);
        return instance == null ? null : jobRepository.getLastJobExecution(instance);
    }

    /** How many of a job's newest instances are searched for this warehouse's last execution. */
    private static final int SEARCHED_INSTANCES = 200;

    /** The last execution of the job on this warehouse (or one that predates the parameter), newest first. */
    private JobExecution lastExecutionOn(String jobName, String here) {
        for (JobInstance instance : jobRepository.getJobInstances(jobName, 0, SEARCHED_INSTANCES)) {
            JobExecution execution = jobRepository.getLastJobExecution(instance);
            String theirs = execution == null ? null : warehouseOf(execution);
            if (execution != null && (theirs == null || theirs.equals(here))) {
                return execution;
            }
        }
        return null;
    }

    private static boolean unfinished(JobExecution execution) {
        return execution.getStatus() == BatchStatus.FAILED || execution.getStatus() == BatchStatus.STOPPED;
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

    private static JobParameters withoutLauncherParameters(JobParameters parameters) {
        JobParametersBuilder builder = new JobParametersBuilder();
        for (JobParameter<?> p : parameters.parameters()) {
            if (!p.name().equals(RUN_ID) && !p.name().equals(WAREHOUSE)) {
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
