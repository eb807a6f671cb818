package com.qiyouxiang.validation;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param rulesDir        the rule catalogue: every *.yml in it (qyx.validation.rules-dir)
 * @param countUnverified whether facts still 待核实 count in the evaluation (qyx.validation.count-unverified)
 * @param explanationDir  where explanation files (情况说明 CSV/xlsx) arrive (qyx.validation.explanation-dir)
 */
@ConfigurationProperties("qyx.validation")
public record ValidationProperties(@DefaultValue("jobs/rules") Path rulesDir,
                                   @DefaultValue("true") boolean countUnverified,
                                   @DefaultValue("samples/inbox/情况说明") Path explanationDir) {
}
