-- Before the 季度调度会: each bureau's red and yellow indicators of ${quarter} (mart_indicator_quarter), its own lines of
-- the quarterly report, for the bureaus not yet sent them for that quarter in this mode (${dry_run}).
SELECT q.bureau_code, q.bureau_name, q.indicator_code, q.indicator_name, q.light, q.light_zh, q.value, q.unit,
       q.schedule_target
FROM mart_indicator_quarter q
WHERE q.quarter_code = ${quarter} AND q.light IN ('red', 'yellow')
  AND NOT EXISTS (SELECT 1 FROM reply_message r
                  WHERE r.cause = 'report:' || q.bureau_code || ':' || ${quarter} AND r.dry_run = ${dry_run})
ORDER BY q.bureau_code, CASE q.light WHEN 'red' THEN 0 ELSE 1 END, q.indicator_code;
