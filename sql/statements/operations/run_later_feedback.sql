-- The supplementary feedback workbooks one run (${job_execution_ids}) wrote: findings made after their file loaded,
-- told to the bureau for the first time (etl_feedback_finding, kind 'later'); per workbook, its bureau and how many.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
)
SELECT t.workbook_day, t.workbook_name, any_value(b.short_name) AS bureau_name, count(*) AS findings
FROM etl_feedback_finding t
JOIN etl_file f ON f.file_id = t.file_id
LEFT JOIN dim_bureau b ON b.bureau_code = f.bureau_code
WHERE t.kind = 'later' AND t.job_execution_id IN (SELECT job_execution_id FROM run)
GROUP BY t.workbook_day, t.workbook_name
ORDER BY t.workbook_day, t.workbook_name;
