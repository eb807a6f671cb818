-- mart_annual_evaluation (年度总体评价), docs/evaluation-method.md §4: the year's evaluation is its 4th
-- quarter's evaluation, made only once that quarter has closed (on ${today}); never for a year under way.
--   provisional (初评) while an annual indicator (headline or task, not ▲) still lacks its value for the
--   year and quarter 2 of the next year has not closed; final (终评) from the first run after either.
-- A final row is kept as it was made: later runs leave it alone. Written when ${quarter} is a 4th
-- quarter; a row for a year whose 4th quarter has not closed (written by an older version) is removed.
DELETE FROM mart_annual_evaluation
WHERE year IN (SELECT year FROM dim_period
               WHERE period_type = 'quarter' AND quarter = 4 AND end_date >= CAST(${today} AS DATE));

DELETE FROM mart_annual_evaluation
WHERE year = (SELECT year FROM dim_period WHERE period_code = ${quarter} AND quarter = 4)
  AND evaluation_status <> 'final';

INSERT INTO mart_annual_evaluation BY NAME
WITH fourth_quarter AS (
    SELECT * FROM mart_overall_quarter
    WHERE quarter_code = ${quarter} AND quarter = 4 AND is_closed
      AND year NOT IN (SELECT year FROM mart_annual_evaluation)
),
annual_values_missing AS (
    SELECT count(*) AS missing
    FROM int_indicator_quarter
    WHERE quarter_code = ${quarter} AND frequency = 'annual' AND NOT is_observation
      AND data_period IS DISTINCT FROM CAST(year AS VARCHAR)
),
next_q2 AS (
    SELECT n.end_date < CAST(${today} AS DATE) AS has_closed
    FROM dim_period p JOIN dim_period n ON n.period_type = 'quarter' AND n.year = p.year + 1 AND n.quarter = 2
    WHERE p.period_code = ${quarter}
),
status AS (
    SELECT m.missing, m.missing = 0 OR coalesce(n.has_closed, false) AS is_final
    FROM annual_values_missing m LEFT JOIN next_q2 n ON true
)
SELECT f.year, f.quarter_code, f.scored_domains, f.overall_score, f.scored_indicators,
       f.green, f.yellow, f.red, f.grey, f.share_green, f.open_issues,
       CASE WHEN s.is_final THEN 'final' ELSE 'provisional' END AS evaluation_status,
       CASE WHEN s.is_final THEN '终评' ELSE '初评' END AS evaluation_status_zh,
       s.missing AS annual_values_missing,
       current_timestamp AS evaluated_at
FROM fourth_quarter f
CROSS JOIN status s;
