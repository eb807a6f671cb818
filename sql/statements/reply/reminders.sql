-- 催报: the figures each bureau still owes for ${quarter} (mart_data_completeness), for the bureaus not yet reminded
-- for that quarter in this mode (${dry_run}).
SELECT d.bureau_code, d.bureau_name, d.indicator_code, d.indicator_name, d.town_name, d.expected_period
FROM mart_data_completeness d
WHERE d.quarter_code = ${quarter}
  AND NOT EXISTS (SELECT 1 FROM reply_message r
                  WHERE r.cause = 'reminder:' || d.bureau_code || ':' || ${quarter} AND r.dry_run = ${dry_run})
ORDER BY d.bureau_code, d.indicator_code, d.expected_period, d.town_name;
