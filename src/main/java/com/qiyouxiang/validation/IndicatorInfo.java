package com.qiyouxiang.validation;

/**
 * What the rules need to know about an indicator: from dim_indicator (name, unit, aggregation,
 * frequency, kind, bureau) and indicator_attributes.csv (cumulative, by town, a rate's scale).
 *
 * @param scale a rate = numerator / denominator × scale (100 for a percentage, 1000 for 每千人)
 */
public record IndicatorInfo(String code, String name, String unit, String aggregation, String frequency, String kind,
                            String bureauCode, boolean cumulative, boolean byTown, double scale) {
}
