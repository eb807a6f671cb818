-- 修订后变化: every evaluated quarter up to ${quarter} whose current evaluation differs from what the
-- meeting saw (its frozen version), the meeting's version as 第N版.
SELECT *, qyx_decimals(unit, indicator_name) AS decimals, qyx_period_zh(quarter_code) AS quarter_zh,
       '第' || meeting_version || '版' AS meeting_version_zh
FROM mart_indicator_quarter
WHERE differs_from_meeting AND quarter_code <= ${quarter}
ORDER BY quarter_code, indicator_code
