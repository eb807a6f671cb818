/**
 * referenceJob: the reference data (dim_bureau, dim_domain, dim_town) and the indicator catalog (dim_indicator as
 * SCD 2, fct_indicator_target) from qyx.reference-dir, and the plan's targets as written
 * ({@link com.qiyouxiang.catalog.Target}).
 * <p>
 * May use: {@link com.qiyouxiang.batch}, {@link com.qiyouxiang.warehouse}. Its steps are wired into the scheduled
 * jobs by operations.
 */
package com.qiyouxiang.catalog;
