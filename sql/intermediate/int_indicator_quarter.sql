-- int_indicator_quarter: the evaluation of every headline and task indicator for every quarter
-- from the plan's first quarter (2023Q1) through ${quarter}, per docs/evaluation-method.md §2-4.
-- The history is needed for the closed loop (yellow twice in a row) and the QoQ / YoY changes.
--   value:  the latest city value of the indicator's frequency whose period ends by the quarter;
--           data_period says which period it describes (数据期), and it is judged against the
--           schedule target of that period, never a later one;
--   stale:  no value for the expected period of int_expected_period or a later one (the rule the
--           催报 list uses too);
--   light:  grey for ▲, no target ('/') or no data; green when met (a bound includes its number:
--           >70 is met at 70); E = 0 by the met-test alone; yellow when ${yellow_band} <= δ < 0; red below.
--           The met-test and the band are decided in DECIMAL, so a figure exactly on E or on the band
--           edge is judged by its exact value;
--   score:  100 x min(c, 1) rounded half up to two decimals from the exact quotient (integer arithmetic
--           on the decimal figures: DuckDB divides DECIMALs in doubles);
--   is_closed: false for the quarter under way on ${today} (未结束).
CREATE OR REPLACE TEMP TABLE int_indicator_quarter AS
WITH quarters AS (
    SELECT period_code AS quarter_code, year, quarter, year * 4 + quarter AS quarter_index,
           end_date < CAST(${today} AS DATE) AS is_closed
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
all_city_rows AS (
    SELECT * FROM int_city_value
),
targets AS (
    SELECT * FROM int_schedule_target
),
expected AS (
    SELECT * FROM int_expected_period
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
           max(c.period_index) AS data_index,
           -- the fact judged (lineage, §9): the reported city value's fact; a built value has the towns' facts
           arg_max_null(c.reported_fact_id, c.period_index) AS fact_id,
           arg_max(CASE WHEN c.value_basis = 'built' THEN 'built' ELSE c.reported_source_kind END, c.period_index)
               AS fact_source_kind,
           arg_max_null(c.reported_revision, c.period_index) AS fact_revision,
           arg_max_null(c.reported_file, c.period_index) AS fact_file,
           arg_max_null(c.reported_location, c.period_index) AS fact_location
    FROM indicator_quarters iq
    JOIN city_values c
      ON c.indicator_code = iq.indicator_code
     AND c.period_type = CASE iq.frequency WHEN 'quarterly' THEN 'quarter' ELSE 'year' END
     AND c.period_index <= iq.quarter_index
    GROUP BY iq.quarter_code, iq.indicator_code
),
-- towns: for an indicator reported by town, how many towns reported the period the row shows (or, with
-- no city value, the latest period any town reported)
town_counts AS (
    SELECT iq.quarter_code, iq.indicator_code,
           arg_max(c.towns_in_city_value, c.period_index) AS towns_reported,
           any_value(c.towns_expected) AS towns_expected,
           arg_max(c.period_code, c.period_index) AS town_period
    FROM indicator_quarters iq
    JOIN all_city_rows c
      ON c.indicator_code = iq.indicator_code AND iq.by_town
     AND c.period_type = CASE iq.frequency WHEN 'quarterly' THEN 'quarter' ELSE 'year' END
     AND c.period_index <= iq.quarter_index AND c.towns_in_city_value IS NOT NULL
    GROUP BY iq.quarter_code, iq.indicator_code
),
valued AS (
    SELECT iq.*, v.data_period, v.value, v.value_basis,
           v.fact_id, v.fact_source_kind, v.fact_revision, v.fact_file, v.fact_location,
           e.expected_period,
           e.expected_period IS NOT NULL AND coalesce(v.data_index < e.expected_index, true) AS is_stale,
           CASE WHEN iq.by_town THEN coalesce(tp.towns_in_city_value, CASE WHEN v.data_period IS NULL THEN tc.towns_reported END, 0) END
               AS towns_reported,
           CASE WHEN iq.by_town THEN (SELECT count(*) FROM dim_town WHERE level = 'town') END AS towns_expected,
           t.target_year, t.target_text, t.target_value, t.is_bound, t.schedule_target,
           t.final_target,
           coalesce(t.baseline_text, bl.baseline_text) AS baseline_text,
           coalesce(t.baseline_value, bl.baseline_value) AS baseline_value
    FROM indicator_quarters iq
    LEFT JOIN latest_value v USING (quarter_code, indicator_code)
    LEFT JOIN expected e USING (quarter_code, indicator_code)
    LEFT JOIN town_counts tc USING (quarter_code, indicator_code)
    LEFT JOIN all_city_rows tp ON tp.indicator_code = iq.indicator_code AND tp.period_code = v.data_period
    LEFT JOIN targets t ON t.indicator_code = iq.indicator_code AND t.period_code = v.data_period
    LEFT JOIN (SELECT indicator_code, any_value(baseline_text) AS baseline_text,
                      any_value(CAST(baseline_value AS DOUBLE)) AS baseline_value
               FROM fct_indicator_target GROUP BY indicator_code) bl ON bl.indicator_code = iq.indicator_code
),
exact AS (
    SELECT *,
           CAST(value AS DECIMAL(38, 10)) AS a,
           CAST(schedule_target AS DECIMAL(38, 10)) AS e
    FROM valued
),
judged AS (
    SELECT *,
           CASE WHEN direction = 'lower' THEN a <= e ELSE a >= e END AS is_met,
           CASE WHEN direction = 'lower' THEN e - a ELSE a - e END AS gap,
           CASE WHEN schedule_target <> 0 THEN
                CASE WHEN direction = 'lower' THEN (schedule_target - value) ELSE (value - schedule_target) END
                / abs(schedule_target) END AS deviation,
           CASE WHEN is_observation THEN '观察性指标（▲），不评价'
                WHEN value IS NULL THEN '无数据'
                WHEN schedule_target IS NULL THEN '当年无目标（/）' END AS grey_reason
    FROM exact
),
lit AS (
    SELECT *,
           CASE WHEN grey_reason IS NOT NULL THEN 'grey'
                WHEN is_met THEN 'green'
                WHEN e = 0 THEN 'red'
                WHEN gap >= CAST(${yellow_band} AS DECIMAL(18, 6)) * abs(e) THEN 'yellow'
                ELSE 'red' END AS light
    FROM judged
),
-- c = n / d: higher-is-better A / E, lower-is-better E / A (A = 0 counts as c = 1)
quotient AS (
    SELECT *,
           CASE WHEN direction = 'lower' THEN e ELSE a END AS n,
           CASE WHEN direction = 'lower' THEN a ELSE e END AS d
    FROM lit
),
scored AS (
    SELECT *,
           CASE WHEN light = 'grey' THEN NULL
                WHEN e = 0 THEN CASE WHEN is_met THEN 1.0 ELSE 0.0 END
                WHEN direction = 'lower' AND a = 0 THEN 1.0
                ELSE CAST(n AS DOUBLE) / CAST(d AS DOUBLE) END AS completion_rate,
           CASE WHEN light = 'grey' THEN NULL
                WHEN e = 0 THEN CASE WHEN is_met THEN 100.0 ELSE 0.0 END
                WHEN direction = 'lower' AND a = 0 THEN 100.0
                WHEN d > 0 AND n >= d THEN 100.0
                WHEN d > 0 AND n <= 0 THEN 0.0
                WHEN d > 0 THEN CAST(CAST((CAST(n * 10000000000 AS HUGEINT) * 20000 + CAST(d * 10000000000 AS HUGEINT))
                                          // (CAST(d * 10000000000 AS HUGEINT) * 2) AS DECIMAL(18, 0)) * 0.01 AS DOUBLE)
                ELSE round(100 * greatest(least(CAST(n AS DOUBLE) / CAST(d AS DOUBLE), 1), 0), 2) END AS score,
           CASE WHEN baseline_value IS NOT NULL AND final_target IS NOT NULL AND final_target <> baseline_value
                THEN (value - baseline_value) / (final_target - baseline_value) END AS plan_progress
    FROM quotient
)
SELECT * EXCLUDE (a, e, n, d, gap),
       CASE light WHEN 'green' THEN '绿灯' WHEN 'yellow' THEN '黄灯' WHEN 'red' THEN '红灯' ELSE '灰灯' END AS light_zh,
       lag(value) OVER by_quarter AS previous_quarter_value,
       value - lag(value) OVER by_quarter AS qoq_change,
       lag(value, 4) OVER by_quarter AS previous_year_value,
       value - lag(value, 4) OVER by_quarter AS yoy_change
FROM scored
WINDOW by_quarter AS (PARTITION BY indicator_code ORDER BY quarter_index);
