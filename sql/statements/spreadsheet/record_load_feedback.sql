-- The findings the workbook written when file ${file_id} loaded tells the bureau: every 核实性 and 提示性 finding
-- of the file (all made in its load), recorded in the file's own transaction as told by ${workbook_name} in the
-- folder of the day it loaded. The workbook itself is written just after the commit, and again by the next run when
-- that failed (the file then stays in the inbox).
INSERT INTO etl_feedback_finding (rule_result_id, file_id, workbook_day, workbook_name, kind, job_execution_id)
SELECT r.rule_result_id, r.file_id, CAST(f.processed_at AS DATE), ${workbook_name}, 'load', ${job_execution_id}
FROM fct_rule_result r
JOIN etl_file f ON f.file_id = r.file_id
WHERE r.file_id = ${file_id} AND r.tier IN ('核实性', '提示性')
ON CONFLICT DO NOTHING;
