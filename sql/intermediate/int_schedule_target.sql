-- int_schedule_target: the schedule target E (时序进度目标) of every indicator for every period
-- an observation can describe (quarters, and years as their 4th quarter), per docs/evaluation-method.md §2.
--   Yearly targets (headline indicators, and task indicators with a target every year):
--     P = the target of the year before (for the first target year: the 2022 baseline B);
--     a plain target asking for improvement over P moves in a straight line:
--       E(y, q) = P + (T_y - P) x q / 4
--     otherwise E = T_y: no P, a level held (100 -> 100), a relaxed target, or a bound (>70 = 70以上, met at 70).
--   Task indicators with a single target year: P = the first observed city value in the plan
--     period, the line runs from that observation's period to the end of the target year; after the
--     target year the target holds; a bound or no improvement: E = T.
--   '/' (no comparator): no target that year, E is NULL (grey).
CREATE OR REPLACE TEMP TABLE int_schedule_target AS
WITH targets AS (
    SELECT indicator_code, year, target_text, comparator,
           CAST(target_value AS DOUBLE) AS target_value,
           baseline_text, CAST(baseline_value AS DOUBLE) AS baseline_value
    FROM fct_indicator_target
),
indicators AS (
    SELECT * FROM int_indicator_attribute WHERE is_current AND kind IN ('headline', 'task')
),
periods AS (
    SELECT period_code, period_type, year, coalesce(quarter, 4) AS q,
           year * 4 + coalesce(quarter, 4) AS period_index
    FROM dim_period
    WHERE year >= 2023
),
target_years AS (
    SELECT indicator_code, count(*) AS target_rows FROM targets GROUP BY indicator_code
),
final_targets AS (
    SELECT indicator_code, CAST(target_value AS DOUBLE) AS final_target FROM targets WHERE year = 2027
),
first_observation AS (
    SELECT indicator_code,
           arg_min(city_value, period_index) AS first_value,
           min(period_index) AS first_index
    FROM int_city_value
    WHERE city_value IS NOT NULL AND data_year >= 2023
    GROUP BY indicator_code
),
single_target_tasks AS (
    SELECT i.indicator_code
    FROM indicators i JOIN target_years ty USING (indicator_code)
    WHERE i.kind = 'task' AND ty.target_rows = 1
),
yearly_rule AS (
    SELECT p.period_code, p.period_type, p.year, p.q, p.period_index, i.indicator_code, i.direction,
           t.year AS target_year, t.target_text, t.comparator, t.target_value,
           t.baseline_text, t.baseline_value,
           CASE WHEN prev.indicator_code IS NOT NULL THEN prev.target_value ELSE t.baseline_value END AS previous_target,
           CAST(p.q * 0.25 AS DECIMAL(18, 12)) AS line_share
    FROM periods p
    CROSS JOIN indicators i
    JOIN targets t ON t.indicator_code = i.indicator_code AND t.year = p.year
    LEFT JOIN targets prev ON prev.indicator_code = i.indicator_code AND prev.year = p.year - 1
    WHERE i.indicator_code NOT IN (SELECT indicator_code FROM single_target_tasks)
),
task_line_rule AS (
    SELECT p.period_code, p.period_type, p.year, p.q, p.period_index, i.indicator_code, i.direction,
           t.year AS target_year, t.target_text, t.comparator, t.target_value,
           t.baseline_text, t.baseline_value,
           f.first_value AS previous_target,
           CASE WHEN f.first_index IS NULL OR t.year * 4 + 4 <= f.first_index THEN CAST(1 AS DECIMAL(18, 12))
                ELSE CAST(least(greatest(p.period_index - f.first_index, 0), t.year * 4 + 4 - f.first_index)
                          / CAST(t.year * 4 + 4 - f.first_index AS DOUBLE) AS DECIMAL(18, 12)) END AS line_share
    FROM periods p
    CROSS JOIN indicators i
    JOIN single_target_tasks USING (indicator_code)
    JOIN targets t ON t.indicator_code = i.indicator_code
    LEFT JOIN first_observation f ON f.indicator_code = i.indicator_code
),
both_rules AS (
    SELECT * FROM yearly_rule
    UNION ALL BY NAME
    SELECT * FROM task_line_rule
),
classified AS (
    SELECT *,
           comparator IN ('>', '<') AS is_bound,
           comparator IN ('>=', '<=') AND previous_target IS NOT NULL
               AND ((direction = 'higher' AND target_value > previous_target)
                 OR (direction = 'lower' AND target_value < previous_target)) AS climbs,
           CAST(previous_target AS DECIMAL(18, 6)) AS exact_previous,
           CAST(target_value AS DECIMAL(18, 6)) AS exact_target
    FROM both_rules
)
SELECT c.indicator_code, c.period_code, c.period_type, c.year, c.q, c.period_index,
       c.target_year, c.target_text, c.comparator, c.target_value, c.baseline_text, c.baseline_value,
       c.previous_target, c.is_bound,
       CASE WHEN c.comparator IS NULL THEN NULL
            -- in DECIMAL: in doubles 0 + (0.4 - 0) x 3/4 is 0.30000000000000004, and a figure of exactly
            -- 0.3 would miss its own target; the line is exact for quarters, rounded to 6 decimals for tasks
            WHEN c.climbs THEN CAST(CAST(c.exact_previous + (c.exact_target - c.exact_previous) * c.line_share
                                         AS DECIMAL(18, 6)) AS DOUBLE)
            ELSE c.target_value END AS schedule_target,
       f.final_target
FROM classified c
LEFT JOIN final_targets f USING (indicator_code);
