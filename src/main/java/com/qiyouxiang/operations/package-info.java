/**
 * Operations, the top layer: the launcher (restart-aware, exit codes), one run at a time per warehouse (the run
 * lock), the commands that are not jobs (status, query), and the scheduled jobs nightlyJob and quarterlyJob made
 * of the stage jobs' steps.
 * <p>
 * May use: every production package. No production package uses it.
 */
package com.qiyouxiang.operations;
