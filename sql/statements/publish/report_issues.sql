-- 问题整改清单: the issues as of the quarter (${quarter}), open first, with their quarters in Chinese.
SELECT *, qyx_period_zh(opened_quarter) AS opened_quarter_zh,
       qyx_period_zh(closed_quarter) AS closed_quarter_zh
FROM mart_issue WHERE as_of_quarter = ${quarter}
ORDER BY status DESC, bureau_code, opened_quarter, indicator_code
