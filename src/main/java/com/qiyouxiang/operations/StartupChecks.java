package com.qiyouxiang.operations;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import com.qiyouxiang.warehouse.DamagedFile;

/**
 * What the launcher checks before anything is written (before the log file, the job metadata or the warehouse
 * exist): that file names work in this locale ({@link LocaleCheck}), that every qyx.* key set anywhere is a known one
 * ({@link UnknownKeys}), and, for a job, that the folders are what they must be ({@link Folders}) and that a hash key
 * is there if the platform inbox needs one ({@link HashKeyCheck}). Any problem refuses the start with exit 2 and one
 * line per problem; otherwise the folders that are created are created. Runs when the environment is ready, after
 * application.yml is read and before logging starts; {@code doctor} skips it and reports the same checks itself.
 */
public class StartupChecks implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    /** The jobs that read the platform inbox, and so may hash. */
    static final Set<String> HASHING_JOBS = Set.of("nightlyJob", "platformJob");

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String command = environment.getProperty("qyx.command");
        if ("doctor".equals(command) || "false".equals(environment.getProperty("qyx.launcher.enabled"))) {
            return; // doctor reports the same checks itself; a context without the launcher (tests) launches nothing
        }
        Optional<String> locale = LocaleCheck.problem();
        if (locale.isPresent()) {
            throw new StartupRefusal(List.of(locale.get()));
        }
        List<String> problems = new ArrayList<>(UnknownKeys.find(environment, ConfigurationKeys.load()));
        refuseIfAny(problems);
        refuseIfDamaged(environment);
        String job = environment.getProperty("spring.batch.job.name");
        if (command != null || job == null || job.isBlank() || !problems.isEmpty()) {
            refuseIfAny(problems);
            return;
        }
        List<Folders.State> folders = Folders.check(environment);
        folders.stream().map(Folders.State::problem).filter(p -> p != null).forEach(problems::add);
        if (problems.isEmpty() && HASHING_JOBS.contains(job)) {
            HashKeyCheck.problem(environment).ifPresent(problems::add);
        }
        refuseIfAny(problems);
        Folders.create(folders);
    }

    /** A garbage-filled warehouse or job-metadata file: one Chinese line saying which and what to do, exit 1. */
    private static void refuseIfDamaged(ConfigurableEnvironment environment) {
        List<String> damaged = new ArrayList<>();
        String warehouse = environment.getProperty(HomeFolders.WAREHOUSE);
        if (warehouse != null && !warehouse.isBlank()) {
            DamagedFile.headerProblem(Path.of(warehouse), DamagedFile.Kind.WAREHOUSE).ifPresent(damaged::add);
        }
        String metadata = environment.getProperty(HomeFolders.METADATA);
        String url = environment.getProperty("spring.datasource.url", "");
        if (metadata != null && !metadata.isBlank() && url.startsWith("jdbc:h2:file:")) {
            DamagedFile.headerProblem(Path.of(metadata + ".mv.db"), DamagedFile.Kind.METADATA).ifPresent(damaged::add);
        }
        if (!damaged.isEmpty()) {
            throw new StartupRefusal(damaged, ExitCodes.FAILED);
        }
    }

    private static void refuseIfAny(List<String> problems) {
        if (!problems.isEmpty()) {
            throw new StartupRefusal(problems);
        }
    }

    /** Prints a refusal, in UTF-8 whatever the console's encoding: one line per problem. */
    public static void print(StartupRefusal refusal) {
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        err.println("未启动 (not started, exit " + refusal.getExitCode() + "):");
        for (String line : refusal.lines()) {
            err.println("  " + line);
        }
    }

    /** After Boot has read application.yml (EnvironmentPostProcessorApplicationListener), before logging starts. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 15;
    }
}
