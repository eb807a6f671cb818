/**
 * ingestJob: the bureaus' spreadsheets (.xlsx/.xlsm/.xls) from the inbox, each in its own transaction:
 * recognised by a template mapping (jobs/sources/spreadsheets), read streaming, cells cleaned, figures checked by
 * the rules and merged as facts, every rejected cell kept with its reason and sent back in a feedback workbook,
 * the file archived; then (writeLaterFeedback) a supplementary feedback workbook for each file loaded before whose
 * findings came later, told once (etl_feedback_finding).
 * <p>
 * May use: {@link com.qiyouxiang.validation}, {@link com.qiyouxiang.catalog}, {@link com.qiyouxiang.batch},
 * {@link com.qiyouxiang.warehouse}; not {@link com.qiyouxiang.intake.platform}. Used by operations only.
 */
package com.qiyouxiang.intake.spreadsheet;
