/**
 * The warehouse, bottom layer: the DuckDB file ({@link com.qiyouxiang.warehouse.Warehouse}, one database instance
 * per process), its versioned migrations (sql/schema), the SQL files shipped on the class path
 * ({@link com.qiyouxiang.warehouse.SqlFiles}), the ETL bookkeeping of files and rejects
 * ({@link com.qiyouxiang.warehouse.FileRegistry}), the fact writer with revisions
 * ({@link com.qiyouxiang.warehouse.FactWriter}) and the crash-test hook before a commit.
 * <p>
 * May use: libraries only (DuckDB, Spring JDBC); no other package of the project.
 */
package com.qiyouxiang.warehouse;
