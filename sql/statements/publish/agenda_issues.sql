-- 本季要点, part 3: the issues opened and the issues closed (销号) in ${quarter}.
SELECT CASE WHEN opened_quarter = ${quarter} THEN '本季度新发现' ELSE '本季度销号' END AS event,
       issue_id, indicator_name, bureau_name, opened_reason, qyx_period_zh(opened_quarter) AS opened_quarter_zh
FROM mart_issue
WHERE as_of_quarter = ${quarter} AND (opened_quarter = ${quarter} OR closed_quarter = ${quarter})
ORDER BY event DESC, bureau_code, issue_id
