-- The trend charts of the quarterly report: for every indicator red or yellow in ${quarter}, its value and
-- its schedule line (时序进度目标) in each quarter of the plan so far (2023Q1 to ${quarter}), from its first
-- figure on; quarter_short labels the chart's axis (23年1季).
SELECT h.indicator_code, h.indicator_name, h.unit, h.quarter_code, qyx_period_zh(h.quarter_code) AS quarter_zh,
       substr(h.quarter_code, 3, 2) || '年' || substr(h.quarter_code, 6, 1) || '季' AS quarter_short,
       h.value, h.schedule_target, qyx_decimals(h.unit, h.indicator_name) AS decimals
FROM mart_indicator_quarter h
WHERE h.quarter_code <= ${quarter} AND h.quarter_code >= '2023Q1'
  AND h.quarter_code >= (SELECT min(x.quarter_code) FROM mart_indicator_quarter x
                         WHERE x.indicator_code = h.indicator_code AND x.value IS NOT NULL)
  AND h.indicator_code IN (SELECT indicator_code FROM mart_indicator_quarter
                           WHERE quarter_code = ${quarter} AND light IN ('red', 'yellow'))
ORDER BY h.indicator_code, h.quarter_code
