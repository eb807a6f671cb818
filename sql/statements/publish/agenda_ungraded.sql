-- 本季要点, part 5: what cannot be judged in ${quarter}, counted apart from the judged indicators:
-- 不评价 (▲ observation indicators, the plan sets them no target), 缺数 (no figure yet, by the bureau that
-- owes it) and 无目标 (a figure but no target for the year).
SELECT CASE WHEN is_observation THEN '不评价' WHEN value IS NULL THEN '缺数' ELSE '无目标' END AS category,
       CASE WHEN is_observation THEN 1 WHEN value IS NULL THEN 2 ELSE 3 END AS category_order,
       bureau_name, count(*) AS indicators,
       string_agg(indicator_name, '、' ORDER BY indicator_code) AS indicator_names
FROM mart_indicator_quarter
WHERE quarter_code = ${quarter} AND light = 'grey'
GROUP BY ALL
ORDER BY category_order, indicators DESC, bureau_name
