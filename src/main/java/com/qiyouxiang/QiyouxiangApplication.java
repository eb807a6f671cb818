package com.qiyouxiang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import com.qiyouxiang.operations.StartupChecks;
import com.qiyouxiang.operations.StartupRefusal;

/**
 * Entry point. Checks the locale, the configuration keys and the folders before anything is written (exit 2 with
 * one line per problem, {@link StartupChecks}), then runs the Spring Batch job named by
 * {@code --spring.batch.job.name} (or the command named by {@code --qyx.command}) and exits with its exit code.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QiyouxiangApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(QiyouxiangApplication.class);
        application.addListeners(new StartupChecks());
        int exitCode;
        try {
            exitCode = SpringApplication.exit(application.run(args));
        } catch (StartupRefusal refusal) {
            StartupChecks.print(refusal);
            exitCode = refusal.getExitCode();
        }
        System.exit(exitCode);
    }
}
