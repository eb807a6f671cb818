-- 镇街对比 of the quarterly report: the towns' figures of the indicators the meeting discusses (red or yellow
-- in ${quarter}); every indicator's town comparison stays in the published marts.
SELECT t.*, m.unit, m.light, qyx_decimals(m.unit, t.indicator_name) AS decimals,
       qyx_data_period_zh(t.data_period, t.indicator_name) AS data_period_zh
FROM mart_town_comparison t
JOIN mart_indicator_quarter m ON m.quarter_code = t.quarter_code AND m.indicator_code = t.indicator_code
WHERE t.quarter_code = ${quarter} AND m.light IN ('red', 'yellow') AND t.town_value IS NOT NULL
ORDER BY t.indicator_code, t.town_sort_order
