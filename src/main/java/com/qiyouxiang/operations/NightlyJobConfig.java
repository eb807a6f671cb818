package com.qiyouxiang.operations;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * nightlyJob: the whole path from inbox to published marts, in one restartable job (a killed run
 * resumes at the step it died in): reference data, then the later stages as they are added.
 */
@Configuration
public class NightlyJobConfig {

    @Bean
    public Job nightlyJob(JobRepository jobRepository, RunSummaryListener runSummary, Step loadReferenceData,
                          Step loadIndicatorCatalog) {
        return new JobBuilder("nightlyJob", jobRepository)
                .listener(runSummary)
                .start(loadReferenceData)
                .next(loadIndicatorCatalog)
                .build();
    }
}
