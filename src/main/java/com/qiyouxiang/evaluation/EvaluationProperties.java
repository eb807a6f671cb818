package com.qiyouxiang.evaluation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The evaluation method's numbers (docs/evaluation-method.md), all configuration.
 *
 * @param yellowBand             lower bound of the yellow light: yellow when yellowBand <= δ < 0 (qyx.evaluation.yellow-band)
 * @param coreWeight             weight of a * core indicator in the domain score (qyx.evaluation.core-weight)
 * @param submissionDeadlineDays a bureau's submission is on time when received by this many days after the
 *                               quarter ends (qyx.evaluation.submission-deadline-days)
 * @param attributesFile         the indicator attributes (by town, ratio scale) inside qyx.reference-dir
 *                               (qyx.evaluation.attributes-file)
 */
@ConfigurationProperties("qyx.evaluation")
public record EvaluationProperties(double yellowBand, int coreWeight, int submissionDeadlineDays, String attributesFile) {
}
