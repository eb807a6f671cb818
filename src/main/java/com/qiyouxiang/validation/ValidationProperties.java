package com.qiyouxiang.validation;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jumpFactor a figure more than this many times (or less than 1/this of) the same
 *                   indicator and town's previous period is flagged as suspicious (qyx.validation.jump-factor)
 */
@ConfigurationProperties("qyx.validation")
public record ValidationProperties(double jumpFactor) {
}
