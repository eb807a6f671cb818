-- What the feedback workbook (反馈表) says about a file: template, bureau, period, counts, and how many
-- of its figures a 核实性 or 提示性 rule flagged. No row when there is nothing to tell the bureau
-- (no rejected cell and no such finding). load_due: the workbook written when the file loaded had something to tell
-- (a rejected cell, or findings recorded as told by it in etl_feedback_finding); a finding made later goes into a
-- supplementary workbook instead.
WITH findings AS (
    SELECT count(*) FILTER (WHERE tier = '核实性')                            AS verify_items,
           count(*) FILTER (WHERE tier = '核实性' AND review_state = '待核实') AS verify_open,
           count(*) FILTER (WHERE tier = '提示性')                            AS hint_items
    FROM fct_rule_result
    WHERE file_id = ${file_id}
)
SELECT f.mapping_id, b.official_name, f.period_code, f.rows_read, f.rows_loaded, f.rows_rejected, f.rows_ignored,
       x.verify_items, x.verify_open, x.hint_items,
       f.rows_rejected > 0 OR EXISTS (SELECT 1 FROM etl_feedback_finding t WHERE t.file_id = f.file_id AND t.kind = 'load') AS load_due
FROM etl_file f
LEFT JOIN dim_bureau b USING (bureau_code)
CROSS JOIN findings x
WHERE f.file_id = ${file_id}
  AND (f.rows_rejected > 0 OR x.verify_items > 0 OR x.hint_items > 0);
