/**
 * The two ingests, one sub-package each: {@link com.qiyouxiang.intake.spreadsheet} (the bureaus' spreadsheets,
 * ingestJob) and {@link com.qiyouxiang.intake.platform} (the 公共数据平台 exports, platformJob). They do not use
 * each other. Beside them {@link com.qiyouxiang.intake.pull} fetches files into the inbox (the platform's interface,
 * the mailbox, SFTP) before they read it; neither ingest uses it.
 * <p>
 * May use: {@link com.qiyouxiang.validation}, {@link com.qiyouxiang.catalog}, {@link com.qiyouxiang.batch},
 * {@link com.qiyouxiang.warehouse}. Used by operations only.
 */
package com.qiyouxiang.intake;
