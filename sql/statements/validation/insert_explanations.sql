-- Stores the staged rows of explanation file ${file_id} (${file_name}) for job execution ${job_execution_id}.
INSERT INTO etl_explanation (rule_id, indicator_code, town_code, period_code, explanation, reporter, file_id,
                             file_name, location, job_execution_id)
SELECT rule_id, indicator_code, town_code, period_code, explanation, reporter, ${file_id}, ${file_name}, location,
       ${job_execution_id}
FROM tmp_explanation;

DROP TABLE tmp_explanation;
