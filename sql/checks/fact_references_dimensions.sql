-- severity: error
-- description: 事实表的指标、镇街、期别均能在维表中找到（参照完整性）
SELECT f.value_id, f.indicator_code, f.town_code, f.period_code,
       CASE WHEN i.indicator_code IS NULL THEN 'indicator' WHEN t.town_code IS NULL THEN 'town' ELSE 'period' END AS missing
FROM fct_indicator_value f
LEFT JOIN (SELECT DISTINCT indicator_code FROM dim_indicator) i USING (indicator_code)
LEFT JOIN dim_town t USING (town_code)
LEFT JOIN dim_period p USING (period_code)
WHERE i.indicator_code IS NULL OR t.town_code IS NULL OR p.period_code IS NULL
