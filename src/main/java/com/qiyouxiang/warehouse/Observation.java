package com.qiyouxiang.warehouse;

/**
 * One clean figure on its way into fct_indicator_value: indicator x town x period, in the
 * indicator's canonical unit.
 *
 * @param townCode  dim_town.town_code: a 9-digit town code, or '330681' for the city
 * @param obsStatus SDMX OBS_STATUS: A normal, P provisional, E estimated (R revised is set by the merge)
 */
public record Observation(String indicatorCode, String townCode, String periodCode, Double value, Double numerator,
                          Double denominator, String obsStatus) {

    public static Observation of(String indicatorCode, String townCode, String periodCode, double value) {
        return new Observation(indicatorCode, townCode, periodCode, value, null, null, "A");
    }
}
