package com.qiyouxiang.validation;

/**
 * A check that failed for a candidate: which rule (id, version, kind), its tier after overrides, a
 * reason code, a Chinese message with the compared values filled in, and what the figure was
 * compared with.
 *
 * @param outcome        {@link Outcome#FAILED}, or {@link Outcome#NOT_COMPARABLE} when a change cannot be computed
 *                       (base zero or negative; always 提示性)
 * @param comparedValue  the figure it was compared with (sum of towns, base period, derived figure, ...), if any
 * @param comparedWith   what that figure is, in Chinese ('各镇街合计', '2023年第二季度', ...)
 */
public record Finding(Candidate candidate, String ruleId, Tier tier, String reasonCode, String messageZh,
                      int ruleVersion, String ruleKind, Outcome outcome, Double comparedValue, String comparedWith) {

    /** The original form (rule version 1, outcome failed, nothing compared). */
    public Finding(Candidate candidate, String ruleId, Tier tier, String reasonCode, String messageZh) {
        this(candidate, ruleId, tier, reasonCode, messageZh, 1, "basic", Outcome.FAILED, null, null);
    }
}
