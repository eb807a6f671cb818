package com.qiyouxiang.intake.pull;

import java.time.Clock;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.warehouse.Warehouse;

/**
 * pullJob: the pulls alone (platformPull, mailPull), for a first try of a new configuration ({@code jobs/run pullJob}); the
 * nightly run starts with the same steps when they are enabled. Each pull commits its bookkeeping file by file (a
 * killed pull keeps what landed whole), so the steps are plain tasklets, not one warehouse transaction.
 */
@Configuration

public class PullJobConfig {

    @Bean
    public Job pullJob(JobRepository jobRepository, Step platformPull, Step mailPull) {
        return new JobBuilder("pullJob", jobRepository).start(platformPull).next(mailPull).build();
    }

    @Bean
    public Step mailPull(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                         PullProperties properties, TlsProperties tls) {
        return new StepBuilder("mailPull", jobRepository).tasklet((contribution, context) -> {
            MailPullSettings settings = properties.mail();
            String summary;
            if (!settings.enabled()) {
                summary = "mailbox pull off (qyx.pull.mail.enabled=false)";
            } else {
                MailPull.Outcome o = new MailPull(settings, warehouse, TrustStores.sslContext(tls))
                        .pullAll(context.getStepContext().getStepExecution().getJobExecutionId());
                contribution.incrementWriteCount(o.files());
                contribution.getStepExecution().setReadCount(o.messagesTaken() + o.quarantined());
                if (o.quarantined() > 0) {
                    contribution.getStepExecution().setExitStatus(new org.springframework.batch.core.ExitStatus(WarehouseTasklet.WARNINGS));
                }
                summary = String.join("\n", o.lines());
            }
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, summary);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step platformPull(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                             PullProperties properties, TlsProperties tls) {
        return new StepBuilder("platformPull", jobRepository).tasklet((contribution, context) -> {
            PlatformPullSettings settings = properties.platform();
            String summary;
            if (!settings.enabled()) {
                summary = "platform interface pull off (qyx.pull.platform.enabled=false)";
            } else {
                PlatformPull.Outcome o = new PlatformPull(settings, warehouse, TrustStores.sslContext(tls), Clock.systemDefaultZone())
                        .pullAll(context.getStepContext().getStepExecution().getJobExecutionId());
                contribution.incrementWriteCount(o.landed());
                contribution.getStepExecution().setReadCount(o.rows());
                summary = String.join("\n", o.lines());
            }
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, summary);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
