-- 本季要点, part 4: the bureaus to chase (催报) for ${quarter}: the figures they owe and have not sent
-- (mart_data_completeness) and their late submissions (mart_bureau_quarter), one row per bureau with either.
WITH owed AS (
    SELECT bureau_code, count(*) AS figures_owed, count(DISTINCT indicator_code) AS indicators_owed
    FROM mart_data_completeness WHERE quarter_code = ${quarter}
    GROUP BY bureau_code
)
SELECT b.bureau_name, coalesce(o.figures_owed, 0) AS figures_owed, coalesce(o.indicators_owed, 0) AS indicators_owed,
       b.submissions_expected, b.submissions_received, b.submissions_late,
       greatest(b.submissions_expected - b.submissions_received, 0) AS submissions_missing,
       b.verify_pending
FROM mart_bureau_quarter b
LEFT JOIN owed o USING (bureau_code)
WHERE b.quarter_code = ${quarter}
  AND (coalesce(o.figures_owed, 0) > 0 OR b.submissions_late > 0 OR b.submissions_received < b.submissions_expected)
ORDER BY coalesce(o.figures_owed, 0) DESC, b.bureau_code
