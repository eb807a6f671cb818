-- 应报未报: the figures a bureau owes and has not reported (the 催报 list), read from int_figures_owed
-- (sql/marts/int_figures_owed.sql, built for the quarter by MissingFigures with the same rule the marts
-- use): every owed figure as of the quarter when ${period_code} is NULL, else those of that period.
-- Only the indicators the rule applies to (tmp_missing_indicator), of bureau ${bureau_code} (NULL = all).
SELECT o.indicator_code, o.indicator_name, o.bureau_code, b.short_name AS bureau_name, o.town_code, o.town_name,
       o.expected_period
FROM int_figures_owed o
JOIN tmp_missing_indicator m USING (indicator_code)
JOIN dim_bureau b USING (bureau_code)
WHERE (${bureau_code} IS NULL OR o.bureau_code = ${bureau_code})
  AND (${period_code} IS NULL OR o.expected_period = ${period_code})
ORDER BY o.bureau_code, o.indicator_code, o.expected_period, o.sort_order
