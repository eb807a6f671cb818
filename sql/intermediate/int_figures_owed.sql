-- int_figures_owed (应报未报, the 催报 list) for ${quarter}: every figure that makes a value stale or
-- missing, by the rule of int_expected_period. Indicators reported by town are owed by every town (a
-- city value is built only from every town, §5), the others by the city (330681). A place owes the
-- expected period when it holds no value for that period or a later one (ending by the quarter).
-- Read by mart_data_completeness (and so the report) and by MissingFigures (the run summary's
-- "figures owed"): one definition, one count.
CREATE OR REPLACE TEMP TABLE int_figures_owed AS
WITH evaluation_quarter AS (
    SELECT period_code AS quarter_code, year, quarter, year * 4 + quarter AS quarter_index
    FROM dim_period WHERE period_code = ${quarter}
),
indicators AS (
    SELECT i.* FROM int_indicator_attribute i, evaluation_quarter q
    WHERE q.year BETWEEN i.valid_from_year AND i.valid_to_year
),
expected_periods AS (
    SELECT i.indicator_code, i.indicator_name, i.kind, i.bureau_code, i.bureau_name, i.by_town, i.frequency,
           e.expected_period, e.expected_index
    FROM indicators i
    JOIN int_expected_period e ON e.indicator_code = i.indicator_code AND e.quarter_code = ${quarter}
    WHERE e.expected_period IS NOT NULL
),
places AS (
    SELECT town_code, town_name, level, sort_order FROM dim_town
),
expected AS (
    SELECT e.*, p.town_code, p.town_name, p.sort_order
    FROM expected_periods e
    JOIN places p ON (e.by_town AND p.level = 'town') OR (NOT e.by_town AND p.level = 'city')
),
values_by_place AS (
    SELECT v.indicator_code, v.town_code, v.period_code, p.period_type,
           p.year * 4 + coalesce(p.quarter, 4) AS period_index
    FROM int_indicator_value_effective v JOIN dim_period p USING (period_code)
),
latest AS (
    SELECT e.indicator_code, e.town_code, max(v.period_index) AS latest_index,
           arg_max(v.period_code, v.period_index) AS latest_period
    FROM expected e
    JOIN values_by_place v
      ON v.indicator_code = e.indicator_code AND v.town_code = e.town_code
     AND v.period_type = CASE e.frequency WHEN 'quarterly' THEN 'quarter' ELSE 'year' END
    CROSS JOIN evaluation_quarter q
    WHERE v.period_index <= q.quarter_index
    GROUP BY e.indicator_code, e.town_code
)
SELECT ${quarter} AS quarter_code, e.indicator_code, e.indicator_name, e.kind, e.bureau_code, e.bureau_name,
       e.town_code, e.town_name, e.sort_order, e.expected_period, l.latest_period
FROM expected e
LEFT JOIN latest l USING (indicator_code, town_code)
WHERE coalesce(l.latest_index < e.expected_index, true);
