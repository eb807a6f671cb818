-- mart_town_comparison (镇街对比): town x indicator x ${quarter} for the plan's indicators (headline, task)
-- reported by town (context indicators such as population are denominators, not compared).
-- The data period is the latest period of the indicator's frequency with town values, ending by the
-- quarter. Rank 1 = best by the indicator's direction, ties share a rank (1, 1, 3). The balance
-- measure is the coefficient of variation across towns (population standard deviation / mean).
-- The city value beside the towns: the bureau's reported one wins; the one built from the towns by
-- the aggregation rule is shown too, with the difference (int_city_value), only when every town reported
-- (method §5: with a town missing or rejected there is no built value and no difference; towns_in_city_value
-- says how many reported, towns_expected how many should).
-- evaluated_at keeps its time on a row whose content did not change (the UPDATE at the end).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT indicator_code || '|' || town_code AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_town_comparison WHERE quarter_code = ${quarter};

DELETE FROM mart_town_comparison WHERE quarter_code = ${quarter};

INSERT INTO mart_town_comparison BY NAME
WITH evaluation_quarter AS (
    SELECT period_code AS quarter_code, year, quarter, year * 4 + quarter AS quarter_index,
           end_date < CAST(${today} AS DATE) AS is_closed
    FROM dim_period WHERE period_code = ${quarter}
),
indicators AS (
    SELECT i.* FROM int_indicator_attribute i, evaluation_quarter q
    WHERE i.kind IN ('headline', 'task') AND q.year BETWEEN i.valid_from_year AND i.valid_to_year
),
towns AS (
    SELECT town_code, town_name, sort_order AS town_sort_order FROM dim_town WHERE level = 'town'
),
town_values AS (
    SELECT e.*, p.year * 4 + coalesce(p.quarter, 4) AS period_index, p.period_type
    FROM int_indicator_value_effective e
    JOIN towns USING (town_code)
    JOIN dim_period p USING (period_code)
),
data_period AS (
    SELECT i.indicator_code, arg_max(v.period_code, v.period_index) AS data_period
    FROM indicators i
    JOIN town_values v
      ON v.indicator_code = i.indicator_code
     AND v.period_type = CASE i.frequency WHEN 'quarterly' THEN 'quarter' ELSE 'year' END
    CROSS JOIN evaluation_quarter q
    WHERE v.period_index <= q.quarter_index
    GROUP BY i.indicator_code
),
rows AS (
    SELECT i.indicator_code, i.indicator_name, i.unit, i.direction, i.aggregation, d.data_period,
           t.town_code, t.town_name, t.town_sort_order,
           v.value AS town_value, v.numerator, v.denominator,
           v.value_id AS fact_id, v.source_kind AS fact_source_kind, v.revision AS fact_revision,
           v.source_file AS fact_file, v.source_location AS fact_location
    FROM data_period d
    JOIN indicators i USING (indicator_code)
    JOIN town_values v ON v.indicator_code = d.indicator_code AND v.period_code = d.data_period
    JOIN towns t ON t.town_code = v.town_code
),
ranked AS (
    SELECT *,
           CASE WHEN town_value IS NULL THEN NULL
                WHEN direction = 'lower' THEN rank() OVER (PARTITION BY indicator_code ORDER BY town_value ASC)
                ELSE rank() OVER (PARTITION BY indicator_code ORDER BY town_value DESC) END AS town_rank,
           count(town_value) OVER all_towns AS towns_ranked,
           avg(town_value) OVER all_towns AS town_mean,
           stddev_pop(town_value) OVER all_towns / nullif(avg(town_value) OVER all_towns, 0) AS town_cv
    FROM rows
    -- all of the indicator's towns, taken in town order: a mean of doubles depends on the order it adds
    -- them in, and without one DuckDB's order can differ from run to run in the last digits
    WINDOW all_towns AS (PARTITION BY indicator_code ORDER BY town_code
                         ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
)
SELECT ${quarter} AS quarter_code, r.indicator_code, r.indicator_name, r.unit, r.direction, r.aggregation,
       r.data_period, r.town_code, r.town_name, r.town_sort_order, r.town_value, r.numerator, r.denominator,
       r.town_rank, r.towns_ranked,
       c.city_value, r.town_value - c.city_value AS gap_to_city,
       c.built_value AS city_value_built, c.towns_in_city_value,
       (SELECT count(*) FROM towns) AS towns_expected,
       c.reported_value AS city_value_reported, c.reported_minus_built,
       r.town_mean, r.town_cv,
       q.is_closed,
       r.fact_id, r.fact_source_kind, r.fact_revision, r.fact_file, r.fact_location,
       current_timestamp AS evaluated_at
FROM ranked r
CROSS JOIN evaluation_quarter q
LEFT JOIN int_city_value c ON c.indicator_code = r.indicator_code AND c.period_code = r.data_period;

CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT indicator_code || '|' || town_code AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_town_comparison WHERE quarter_code = ${quarter};

UPDATE mart_town_comparison m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.quarter_code = ${quarter} AND (m.indicator_code || '|' || m.town_code) = p.row_key;
