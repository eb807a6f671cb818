package com.qiyouxiang.reply;

import java.nio.file.Path;
import java.time.LocalDate;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.qiyouxiang.batch.WarehouseTasklet;
import com.qiyouxiang.evaluation.EvaluationProperties;
import com.qiyouxiang.intake.pull.TlsProperties;
import com.qiyouxiang.intake.pull.TrustStores;
import com.qiyouxiang.warehouse.Warehouse;

/** replyJob (mailReply alone: {@code jobs/run replyJob}); the nightly run ends with the same step when it is enabled. */
@Configuration
public class ReplyJobConfig {

    @Bean
    public Job replyJob(JobRepository jobRepository, Step mailReply) {
        return new JobBuilder("replyJob", jobRepository).start(mailReply).build();
    }

    @Bean
    public Step mailReply(JobRepository jobRepository, PlatformTransactionManager tx, Warehouse warehouse, ReplyProperties properties,
                          TlsProperties tls, EvaluationProperties evaluation, @Value("${qyx.feedback-dir}") Path feedbackDir) {
        return new StepBuilder("mailReply", jobRepository).tasklet((contribution, context) -> {
            String summary;
            if (!properties.enabled()) {
                summary = "replies off (qyx.reply.enabled=false)";
            } else {
                MailReply.Outcome o = new MailReply(properties, warehouse, TrustStores.sslContext(tls), feedbackDir,
                        evaluation.submissionDeadlineDays()).replyAll(LocalDate.now(),
                        context.getStepContext().getStepExecution().getJobExecutionId());
                contribution.incrementWriteCount(o.sent());
                summary = String.join("\n", o.lines());
            }
            contribution.getStepExecution().getExecutionContext().putString(WarehouseTasklet.SUMMARY_KEY, summary);
            return RepeatStatus.FINISHED;
        }, tx).build();
    }
}
