-- 指标调度表 of the quarterly report: the indicators of ${quarter} that have a figure (the ones without are
-- counted on the first page, 本季要点, and chased in 数据完整性), by domain; periods, targets and progress in
-- words, the display decimals of each indicator (display_macros.sql).
SELECT m.*, coalesce(m.plan_mark, '') AS mark, qyx_decimals(m.unit, m.indicator_name) AS decimals,
       qyx_data_period_zh(m.data_period, m.indicator_name) AS data_period_zh,
       qyx_target_zh(m.target_text, m.unit) AS target_zh,
       CASE WHEN m.baseline_text IS NULL OR m.baseline_text = '/' THEN '无' ELSE m.baseline_text END AS baseline_zh,
       qyx_progress_zh(m.plan_progress) AS plan_progress_zh
FROM mart_indicator_quarter m
LEFT JOIN dim_domain d USING (domain_code)
WHERE m.quarter_code = ${quarter} AND m.value IS NOT NULL
ORDER BY d.sort_order, m.kind, m.indicator_code
