-- severity: error
-- description: 事实表每个键（指标 × 镇街 × 期别 × 来源）只有一个当前版本
-- Rows returned are failures.
SELECT indicator_code, town_code, period_code, source_kind, count(*) AS current_rows
FROM fct_indicator_value
WHERE is_current
GROUP BY indicator_code, town_code, period_code, source_kind
HAVING count(*) > 1
