-- 数据完整性: the figures owed in the quarter (${quarter}, the 催报 list), periods in Chinese.
SELECT *, qyx_period_zh(expected_period) AS expected_period_zh,
       qyx_period_zh(latest_period) AS latest_period_zh
FROM mart_data_completeness WHERE quarter_code = ${quarter}
ORDER BY bureau_code, indicator_code, town_code
