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
 * @param annualSubmissionQuarter the quarter whose submissions include a bureau's yearly file when all its
 *                               indicators are annual: {@code next-year-q1} or {@code same-year-q4}
 *                               (qyx.evaluation.annual-submission-quarter)
 */
@ConfigurationProperties("qyx.evaluation")
public record EvaluationProperties(double yellowBand, int coreWeight, int submissionDeadlineDays, String attributesFile,
                                   String annualSubmissionQuarter) {

    /** 1 when a year's annual files count for the next year's Q1, 0 for the same year's Q4. */
    public int annualSubmissionOffset() {
        String value = annualSubmissionQuarter == null ? "next-year-q1" : annualSubmissionQuarter.trim().toLowerCase();
        return switch (value) {
            case "next-year-q1" -> 1;
            case "same-year-q4" -> 0;
            default -> throw new IllegalArgumentException(
                    "qyx.evaluation.annual-submission-quarter must be next-year-q1 or same-year-q4: " + annualSubmissionQuarter);
        };
    }
}
