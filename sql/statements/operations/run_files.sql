-- The files of one run: registered by any launch of its job instance (${job_execution_ids}, e.g. '3,4':
-- a restart keeps what the launches before it registered), or refused before and still in the inbox
-- (${seen_file_ids}, listed by the ingest steps that saw them again). One row a file, for the run
-- summary and the exit code.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
),
seen AS (
    SELECT TRY_CAST(unnest(string_split(${seen_file_ids}, ',')) AS BIGINT) AS file_id
)
SELECT f.file_id, f.file_name, f.source_kind, f.status, b.short_name AS bureau_name,
       f.rows_read, f.rows_loaded, f.rows_rejected, f.rows_ignored, f.message,
       f.job_execution_id IN (SELECT job_execution_id FROM run) AS this_run
FROM etl_file f
LEFT JOIN dim_bureau b USING (bureau_code)
WHERE f.job_execution_id IN (SELECT job_execution_id FROM run)
   OR f.file_id IN (SELECT file_id FROM seen)
ORDER BY f.source_kind, f.status, f.file_name, f.file_id;
