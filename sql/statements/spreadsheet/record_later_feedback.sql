-- The findings (${rule_result_ids}, comma-separated) a supplementary workbook told the bureau first: recorded in the
-- same transaction that commits after the workbook was written, so a crash between the two writes it again (the same
-- name, the same folder) and records it once.
INSERT INTO etl_feedback_finding (rule_result_id, file_id, workbook_day, workbook_name, kind, job_execution_id)
SELECT r.rule_result_id, r.file_id, CAST(${workbook_day} AS DATE), ${workbook_name}, 'later', ${job_execution_id}
FROM fct_rule_result r
WHERE r.rule_result_id IN (SELECT TRY_CAST(unnest(string_split(${rule_result_ids}, ',')) AS BIGINT));
