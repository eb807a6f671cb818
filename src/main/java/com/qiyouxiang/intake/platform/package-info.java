/**
 * platformJob: the 公共数据平台 CSV exports from the inbox, each in its own transaction: indicator exports (one
 * figure a line) and record-level lists (身份证号 checked and replaced by a keyed hash in the same COPY), then the
 * indicators derived from the records (sql/indicators), all checked by the rules.
 * <p>
 * May use: {@link com.qiyouxiang.validation}, {@link com.qiyouxiang.catalog}, {@link com.qiyouxiang.batch},
 * {@link com.qiyouxiang.warehouse}; not {@link com.qiyouxiang.intake.spreadsheet}. Used by operations only.
 */
package com.qiyouxiang.intake.platform;
