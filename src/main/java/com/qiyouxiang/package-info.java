/**
 * The 七优享 warehouse: a Spring Batch application that takes the bureaus' spreadsheets and the 公共数据平台's
 * exports through validation into a DuckDB star schema, evaluates it and publishes the results.
 * {@link com.qiyouxiang.QiyouxiangApplication} is the entry point. The data moves
 * inbox -> intake -> validation -> warehouse <- evaluation <- publish, with operations on top wiring the jobs;
 * each package's package-info says what it may use, and {@code ArchitectureTest} fails on a backward or cyclic
 * dependency. Bottom to top:
 * <ul>
 * <li>{@link com.qiyouxiang.warehouse}: the DuckDB file, migrations, SQL files, bookkeeping, facts;</li>
 * <li>{@link com.qiyouxiang.batch}: the batch plumbing every stage uses;</li>
 * <li>{@link com.qiyouxiang.catalog}: referenceJob;</li>
 * <li>{@link com.qiyouxiang.validation}: the rules every figure passes, reviewJob;</li>
 * <li>{@link com.qiyouxiang.intake.spreadsheet} and {@link com.qiyouxiang.intake.platform}: the two ingests;
 * {@link com.qiyouxiang.evaluation}: evaluationJob;</li>
 * <li>{@link com.qiyouxiang.publish}: publishJob;</li>
 * <li>{@link com.qiyouxiang.operations}: launcher, commands, the scheduled jobs.</li>
 * </ul>
 * The developer tools (samples, benchmark, docs) live in src/tools/java and are not part of the production jar.
 */
package com.qiyouxiang;
