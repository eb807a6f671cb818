package com.qiyouxiang.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param workbook  the catalog workbook inside qyx.reference-dir (qyx.catalog.workbook)
 * @param firstYear first year of validity for an indicator loaded for the first time (qyx.catalog.first-year)
 */
@ConfigurationProperties("qyx.catalog")
public record CatalogProperties(String workbook, int firstYear) {
}
