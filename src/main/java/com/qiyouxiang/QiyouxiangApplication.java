package com.qiyouxiang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Entry point. Runs the Spring Batch job named by {@code --spring.batch.job.name} and exits with
 * its exit code (0 on success, non-zero on failure). Before anything is written, the start-up checks
 * (com.qiyouxiang.operations.StartupChecks, registered in META-INF/spring.factories) may refuse the start with exit 2.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class QiyouxiangApplication {

    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(QiyouxiangApplication.class, args)));
    }
}
