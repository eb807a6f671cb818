-- stg_platform_records: the staged lines of one record-level export, read back from the Parquet file that its staging
-- SQL (stg_platform_*.sql) wrote in the file's order. accepted_ordinal is a line's position among the lines
-- DuckDB's reader accepted (1 = the first), from the Parquet row number: statements/platform/insert_record_rejects.sql turns it into the
-- file's line number. A view, not a table: every step reads the file again, streaming, so nothing of the size of the
-- export is held in memory.
CREATE OR REPLACE TEMP VIEW stg_platform_records AS
SELECT * EXCLUDE (file_row_number), file_row_number + 1 AS accepted_ordinal
FROM read_parquet(${staging_file}, file_row_number = true);
