package com.qiyouxiang.validation;

/**
 * A check that failed for a candidate: which rule, its tier, a reason code and a Chinese message
 * with the compared values filled in.
 */
public record Finding(Candidate candidate, String ruleId, Tier tier, String reasonCode, String messageZh) {
}
