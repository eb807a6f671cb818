/**
 * Developer tool (src/tools/java, not in the production jar): the generators of the committed sample files under
 * samples/ (the catalog workbook, the bureaus' inbox, the platform exports, a 情况说明 file), deterministic.
 * Run by {@code jobs/run generate-samples}; the tests use them to make their own inputs.
 * <p>
 * May use: any production package; no production package uses it.
 */
package com.qiyouxiang.samples;
