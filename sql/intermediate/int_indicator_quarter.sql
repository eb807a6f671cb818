-- int_indicator_quarter: the evaluation of every headline and task indicator for every quarter
-- from the plan's first quarter (2023Q1) through ${quarter}, per docs/evaluation-method.md §2-4.
-- The history is needed for the closed loop (yellow twice in a row) and the QoQ / YoY changes.
--   value:  the latest city value of the indicator's frequency whose period ends by the quarter;
--           data_period says which period it describes (数据期), and it is judged against the
--           schedule target of that period, never a later one;
--   stale:  a quarterly indicator without a value for the quarter, or an annual indicator
--           without a value for year y-1 once quarter 2 of year y has closed;
--   light:  grey for ▲, no target ('/') or no data; green when met (a strict bound strictly);
--           E = 0 by the met-test alone; yellow when ${yellow_band} <= δ < 0 (also a strict bound
--           hit exactly: δ = 0 but not met); red below.
CREATE OR REPLACE TEMP TABLE int_indicator_quarter AS
WITH quarters AS (
    SELECT period_code AS quarter_code, year, quarter, year * 4 + quarter AS quarter_index
    FROM dim_period
    WHERE period_type = 'quarter' AND year >= 2023
      AND year * 4 + quarter <= (SELECT year * 4 + quarter FROM dim_period WHERE period_code = ${quarter})
),
indicators AS (
    SELECT * FROM int_indicator_attribute WHERE kind IN ('headline', 'task')
),
city_values AS (
    SELECT * FROM int_city_value WHERE city_value IS NOT NULL
),
targets AS (
    SELECT * FROM int_schedule_target
),
indicator_quarters AS (
    SELECT q.*, i.*
    FROM quarters q
    JOIN indicators i ON q.year BETWEEN i.valid_from_year AND i.valid_to_year
),
latest_value AS (
    SELECT iq.quarter_code, iq.indicator_code,
           arg_max(c.period_code, c.period_index) AS data_period,
           arg_max(c.city_value, c.period_index) AS value,
           arg_max(c.value_basis, c.period_index) AS value_basis,
           max(c.data_year) AS data_year
    FROM indicator_quarters iq
    JOIN city_values c
      ON c.indicator_code = iq.indicator_code
     AND c.period_type = CASE iq.frequency WHEN 'quarterly' THEN 'quarter' ELSE 'year' END
     AND c.period_index <= iq.quarter_index
    GROUP BY iq.quarter_code, iq.indicator_code
),
valued AS (
    SELECT iq.*, v.data_period, v.value, v.value_basis,
           CASE WHEN iq.frequency = 'quarterly' THEN v.data_period IS DISTINCT FROM iq.quarter_code
                WHEN iq.quarter >= 2 THEN coalesce(v.data_year < iq.year - 1, true)
                ELSE coalesce(v.data_year < iq.year - 2, true) END AS is_stale,
           t.target_year, t.target_text, t.target_value, t.is_strict, t.schedule_target,
           t.final_target,
           coalesce(t.baseline_text, bl.baseline_text) AS baseline_text,
           coalesce(t.baseline_value, bl.baseline_value) AS baseline_value
    FROM indicator_quarters iq
    LEFT JOIN latest_value v USING (quarter_code, indicator_code)
    LEFT JOIN targets t ON t.indicator_code = iq.indicator_code AND t.period_code = v.data_period
    LEFT JOIN (SELECT indicator_code, any_value(baseline_text) AS baseline_text,
                      any_value(CAST(baseline_value AS DOUBLE)) AS baseline_value
               FROM fct_indicator_target GROUP BY indicator_code) bl ON bl.indicator_code = iq.indicator_code
),
judged AS (
    SELECT *,
           CASE WHEN direction = 'lower'
                THEN CASE WHEN is_strict THEN value < schedule_target ELSE value <= schedule_target END
                ELSE CASE WHEN is_strict THEN value > schedule_target ELSE value >= schedule_target END
           END AS is_met,
           CASE WHEN schedule_target <> 0 THEN
                CASE WHEN direction = 'lower' THEN (schedule_target - value) ELSE (value - schedule_target) END
                / abs(schedule_target) END AS deviation,
           CASE WHEN is_observation THEN '观察性指标（▲），不评价'
                WHEN value IS NULL THEN '无数据'
                WHEN schedule_target IS NULL THEN '当年无目标（/）' END AS grey_reason
    FROM valued
),
lit AS (
    SELECT *,
           CASE WHEN grey_reason IS NOT NULL THEN 'grey'
                WHEN is_met THEN 'green'
                WHEN schedule_target = 0 THEN 'red'
                WHEN deviation >= ${yellow_band} THEN 'yellow'
                ELSE 'red' END AS light
    FROM judged
),
scored AS (
    SELECT *,
           CASE WHEN light = 'grey' THEN NULL
                WHEN schedule_target = 0 THEN CASE WHEN is_met THEN 1.0 ELSE 0.0 END
                WHEN direction = 'lower' THEN CASE WHEN value = 0 THEN 1.0 ELSE schedule_target / value END
                ELSE value / schedule_target END AS completion_rate,
           CASE WHEN baseline_value IS NOT NULL AND final_target IS NOT NULL AND final_target <> baseline_value
                THEN (value - baseline_value) / (final_target - baseline_value) END AS plan_progress
    FROM lit
)
SELECT *,
       -- (DuckDB's least/greatest skip NULLs, so the grey case is spelled out)
       CASE WHEN completion_rate IS NOT NULL THEN round(100 * greatest(least(completion_rate, 1), 0), 2) END AS score,
       CASE light WHEN 'green' THEN '绿灯' WHEN 'yellow' THEN '黄灯' WHEN 'red' THEN '红灯' ELSE '灰灯' END AS light_zh,
       lag(value) OVER by_quarter AS previous_quarter_value,
       value - lag(value) OVER by_quarter AS qoq_change,
       lag(value, 4) OVER by_quarter AS previous_year_value,
       value - lag(value, 4) OVER by_quarter AS yoy_change
FROM scored
WINDOW by_quarter AS (PARTITION BY indicator_code ORDER BY quarter_index);
