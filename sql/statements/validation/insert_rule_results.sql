-- Stores the staged rule results of one file or one 催报 run for job execution ${job_execution_id}.
-- A 情况说明 given with the figure (its 备注 cell) is explained now.
INSERT INTO fct_rule_result (rule_id, rule_version, rule_kind, tier, outcome, reason_code, indicator_code, town_code,
                             period_code, bureau_code, source_kind, file_id, file_name, sheet_name, row_number, location,
                             raw_text, value, compared_value, compared_with, message_zh, review_state, explanation,
                             explanation_source, explained_at, job_execution_id)
SELECT rule_id, rule_version, rule_kind, tier, outcome, reason_code, indicator_code, town_code,
       period_code, bureau_code, source_kind, file_id, file_name, sheet_name, row_number, location,
       raw_text, value, compared_value, compared_with, message_zh, review_state, explanation,
       explanation_source, CASE WHEN explanation IS NOT NULL THEN current_timestamp END, ${job_execution_id}
FROM tmp_rule_result;

DROP TABLE tmp_rule_result;
