/**
 * Developer tool (src/tools/java, not in the production jar): the speed goals measured in one run each, the
 * spreadsheet ingest against a bare POI SAX read and the platform ingest against DuckDB's own read_csv.
 * Run by {@code jobs/benchmark}.
 * <p>
 * May use: any production package and {@link com.qiyouxiang.samples}; no production package uses it.
 */
package com.qiyouxiang.benchmark;
