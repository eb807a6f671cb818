-- The 核实性 and 提示性 findings on a file's figures for its feedback workbook (the 强制性 ones are
-- its rejects, listed from etl_reject with the cells that could not be read at all), in tier order,
-- then as they appear in the sheet. The first ${max_rows}; with each its id (a supplementary workbook marks the
-- ones no workbook told before, etl_feedback_finding).
SELECT r.tier, r.rule_id, r.indicator_code, coalesce(i.indicator_name, r.indicator_code) AS indicator_name,
       CASE WHEN t.level = 'city' THEN '全市' ELSE coalesce(t.town_name, r.town_code) END AS town_name,
       r.period_code, r.sheet_name, r.location, coalesce(r.raw_text, CAST(r.value AS VARCHAR)) AS reported,
       r.compared_with, r.compared_value, r.message_zh, r.review_state, r.explanation, r.rule_result_id
FROM fct_rule_result r
LEFT JOIN dim_indicator i ON i.indicator_code = r.indicator_code AND i.is_current
LEFT JOIN dim_town t ON t.town_code = r.town_code
WHERE r.file_id = ${file_id}
  AND r.tier IN ('核实性', '提示性')
ORDER BY CASE r.tier WHEN '核实性' THEN 1 ELSE 2 END, r.sheet_name, r.row_number, r.location, r.rule_id
LIMIT ${max_rows};
