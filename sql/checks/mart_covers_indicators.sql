-- severity: error
-- description: 季度调度表覆盖本季度全部有效的主要指标和任务指标，且灰灯与无得分一一对应
SELECT i.indicator_code, 'missing from mart_indicator_quarter' AS problem
FROM dim_indicator i
JOIN dim_period p ON p.period_code = ${quarter}
WHERE i.kind IN ('headline', 'task') AND p.year BETWEEN i.valid_from_year AND i.valid_to_year
  AND NOT EXISTS (SELECT 1 FROM mart_indicator_quarter m
                  WHERE m.quarter_code = ${quarter} AND m.indicator_code = i.indicator_code)
UNION ALL
SELECT indicator_code, 'light ' || light || ' with score ' || coalesce(CAST(score AS VARCHAR), 'NULL')
FROM mart_indicator_quarter
WHERE quarter_code = ${quarter} AND ((light = 'grey') <> (score IS NULL))
