/**
 * publishJob: what leaves the warehouse: the marts as Parquet and CSV, the read-only marts file for BI tools, the
 * data dictionary and the quarterly report (xlsx and HTML), after the data-quality checks pass.
 * <p>
 * May use: {@link com.qiyouxiang.evaluation}, {@link com.qiyouxiang.validation}, {@link com.qiyouxiang.catalog},
 * {@link com.qiyouxiang.batch}, {@link com.qiyouxiang.warehouse}; never the ingests. Used by operations only.
 */
package com.qiyouxiang.publish;
