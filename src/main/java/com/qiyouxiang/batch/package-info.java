/**
 * The plumbing every stage uses: progress of long steps ({@link com.qiyouxiang.batch.Progress}), the step done in
 * one warehouse transaction ({@link com.qiyouxiang.batch.WarehouseTasklet}), the job metadata schema, the run-log
 * settings (qyx.log-dir, qyx.progress-interval), and the print setup of every workbook people print
 * ({@link com.qiyouxiang.batch.PrintLayout}: the report and the feedback workbooks). The run summary itself reads
 * every stage's results and so lives in {@code operations}, which attaches it to every job.
 * <p>
 * May use: {@link com.qiyouxiang.warehouse} and libraries (Spring Batch, POI). Used by every stage and by operations.
 */
package com.qiyouxiang.batch;
