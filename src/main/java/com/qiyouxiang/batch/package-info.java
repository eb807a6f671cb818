/**
 * The batch plumbing every stage uses: the run summary and its exit status
 * ({@link com.qiyouxiang.batch.RunSummaryListener}), progress of long steps ({@link com.qiyouxiang.batch.Progress}),
 * the step done in one warehouse transaction ({@link com.qiyouxiang.batch.WarehouseTasklet}) and the run-log settings
 * (qyx.log-dir, qyx.progress-interval).
 * <p>
 * May use: {@link com.qiyouxiang.warehouse} and libraries (Spring Batch). Used by every stage and by operations.
 */
package com.qiyouxiang.batch;
