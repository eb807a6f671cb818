-- severity: warn
-- description: 指标值在合理范围内：百分比在 0–100 之间，人数、个数等不为负
SELECT f.indicator_code, f.town_code, f.period_code, f.source_kind, f.value, i.unit
FROM fct_indicator_value f
JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.is_current
WHERE f.is_current
  AND (f.value < 0 OR (i.unit = '%' AND f.value > 100))
