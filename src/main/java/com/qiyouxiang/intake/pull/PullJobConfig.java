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
 * pullJob: the pulls alone (platformPull, mailPull, sftpPull), for a first try of a new configuration ({@code jobs/run pullJob}); the
 * nightly run starts with the same steps when they are enabled. Each pull commits its bookkeeping file by file (a
 * killed pull keeps what landed whole), so the steps are plain tasklets, not one warehouse transaction.
 */
@Configuration

public class PullJobConfig {

    @Bean
    public Job pullJob(JobRepository jobRepository, Step platformPull, Step mailPull, Step sftpPull) {
        return new JobBuilder("pullJob", jobRepository).start(platformPull).next(mailPull).next(sftpPull).build();
    }

    /** What a pull did, for its step's counts and summary: read (messages, rows), files landed, whether to warn. */
    record Pulled(long read, long landed, boolean warn, java.util.List<String> lines) {
    }

    /** One pull, given the job execution's id. */
    @FunctionalInterface
    interface Pull {
        Pulled run(Long jobExecutionId) throws Exception;
    }

    /** A pull step: off (and saying how to switch it on) unless enabled; else the pull, its counts and its lines. */
    private static Step pullStep(String name, JobRepository jobRepository, PlatformTransactionManager tx, boolean enabled,
                                 String off, Pull pull) {
        return new StepBuilder(name, jobRepository).tasklet((contribution, context) -> {
            String summary = off;
            if (enabled) {
                Pulled o = pull.run(context.getStepContext().getStepExecution().getJobExecutionId());
                contribution.incrementWriteCount(o.landed());
                contribution.getStepExecution().setReadCount(o.read());
                if (o.warn()) {
                    contribution.getStepExecution().setExitStatus(new org.springframework.batch.core.ExitStatus(WarehouseTasklet.WARNINGS));
                }
                summary = String.join("\n", o.lines());
            }
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, summary);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }

    @Bean
    public Step sftpPull(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse, PullProperties properties) {
        SftpPullSettings settings = properties.sftp();
        return pullStep("sftpPull", jobRepository, tx, settings.enabled(), "sftp pull off (qyx.pull.sftp.enabled=false)", id -> {
            SftpPull.Outcome o = new SftpPull(settings, warehouse).pullAll(id);
            return new Pulled(0, o.landed(), false, o.lines());
        });
    }

    @Bean
    public Step mailPull(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                         PullProperties properties, TlsProperties tls) {
        MailPullSettings settings = properties.mail();
        return pullStep("mailPull", jobRepository, tx, settings.enabled(), "mailbox pull off (qyx.pull.mail.enabled=false)", id -> {
            MailPull.Outcome o = new MailPull(settings, warehouse, TrustStores.sslContext(tls)).pullAll(id);
            return new Pulled(o.messagesTaken() + o.quarantined(), o.files(), o.quarantined() > 0, o.lines());
        });
    }

    @Bean
    public Step platformPull(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse,
                             PullProperties properties, TlsProperties tls) {
        PlatformPullSettings settings = properties.platform();
        return pullStep("platformPull", jobRepository, tx, settings.enabled(),
                "platform interface pull off (qyx.pull.platform.enabled=false)", id -> {
                    PlatformPull.Outcome o = new PlatformPull(settings, warehouse, TrustStores.sslContext(tls), Clock.systemDefaultZone())
                            .pullAll(id);
                    return new Pulled(o.rows(), o.landed(), false, o.lines());
                });
    }
}
