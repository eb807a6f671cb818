-- The data-quality checks that warned or failed in any launch of one run's job instance
-- (${job_execution_ids}, e.g. '3,4'): the latest result of each check and quarter.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
),
latest AS (
    SELECT check_name, quarter_code, severity, status, failed_rows, description_zh
    FROM dq_check_result
    WHERE job_execution_id IN (SELECT job_execution_id FROM run)
    QUALIFY row_number() OVER (PARTITION BY check_name, quarter_code ORDER BY result_id DESC) = 1
)
SELECT * FROM latest
WHERE status IN ('warn', 'fail')
ORDER BY check_name, quarter_code;
