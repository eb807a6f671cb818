package com.qiyouxiang.operations;

import org.springframework.batch.core.job.AbstractJob;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/**
 * Attaches the run summary ({@link RunSummaryListener}) to every job of the application, so each stage's job
 * configuration stays free of it: the summary reads every stage's results and the launcher's exit-code rules,
 * which belong up here, not in the stages.
 */
@Component
class RunSummaryOnEveryJob implements BeanPostProcessor {

    private final ObjectProvider<RunSummaryListener> runSummary;

    RunSummaryOnEveryJob(ObjectProvider<RunSummaryListener> runSummary) {
        this.runSummary = runSummary;
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof AbstractJob job) {
            job.registerJobExecutionListener(runSummary.getObject());
        }
        return bean;
    }
}
