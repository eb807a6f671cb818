package com.qiyouxiang.warehouse;

import java.util.Properties;

/**
 * DuckDB settings of the warehouse's database instance, from qyx.duckdb.* (application.yml; environment
 * QYX_DUCKDB_MEMORYLIMIT, QYX_DUCKDB_THREADS). Passed as connection properties when the file is opened,
 * never written into SQL text.
 *
 * @param memoryLimit DuckDB's memory_limit, e.g. "1GB" or "512MB": above it DuckDB evicts written
 *                    blocks and spills temporary tables to &lt;warehouse&gt;.tmp, so the memory a large
 *                    platform export needs stays flat in its size; blank = DuckDB's default (80% of RAM)
 * @param threads     DuckDB's worker threads; null or 0 = DuckDB's default (the number of cores)
 */
public record DuckDbSettings(String memoryLimit, Integer threads) {

    public static final DuckDbSettings DEFAULTS = new DuckDbSettings(null, null);

    public DuckDbSettings {
        memoryLimit = memoryLimit == null || memoryLimit.isBlank() ? null : memoryLimit.trim();
        threads = threads == null || threads <= 0 ? null : threads;
    }

    /** The settings as DuckDB JDBC connection properties (config options of the database instance). */
    public Properties connectionProperties() {
        Properties p = new Properties();
        if (memoryLimit != null) {
            p.setProperty("memory_limit", memoryLimit);
        }
        if (threads != null) {
            p.setProperty("threads", threads.toString());
        }
        return p;
    }

    /** For the log line when the warehouse opens: "" or " (memory_limit 1GB, threads 2)". */
    String describe() {
        if (memoryLimit == null && threads == null) {
            return "";
        }
        return " (memory_limit " + (memoryLimit == null ? "default" : memoryLimit) + ", threads "
                + (threads == null ? "default" : threads) + ")";
    }
}
