-- int_expected_period: for every indicator (headline, task and context) and every quarter from 2023Q1
-- through ${quarter}, the period whose value it should hold by then (docs/evaluation-method.md §2):
--   quarterly: the quarter itself;
--   annual:    year y-1 once quarter 2 of year y has closed (q >= 2), before that year y-2;
--              none when that year lies before the indicator's first year (nothing owed yet).
-- A value for the expected period or a later one (up to the quarter) is up to date; otherwise the
-- value is stale (int_indicator_quarter) and the figure is owed (int_figures_owed, the 催报 list):
-- the one rule behind is_stale, mart_data_completeness, the report and the run summary.
CREATE OR REPLACE TEMP TABLE int_expected_period AS
WITH quarters AS (
    SELECT period_code AS quarter_code, year, quarter, year * 4 + quarter AS quarter_index, end_date
    FROM dim_period
    WHERE period_type = 'quarter' AND year >= 2023
      AND year * 4 + quarter <= (SELECT year * 4 + quarter FROM dim_period WHERE period_code = ${quarter})
),
indicators AS (
    SELECT indicator_code, any_value(frequency ORDER BY valid_from_year DESC) AS frequency,
           min(valid_from_year) AS first_year, max(valid_to_year) AS last_year
    FROM int_indicator_attribute
    GROUP BY indicator_code
),
expected AS (
    SELECT q.quarter_code, q.year, q.quarter, q.quarter_index, i.indicator_code, i.frequency,
           CASE WHEN i.frequency = 'quarterly' THEN NULL
                ELSE q.year - CASE WHEN q.quarter >= 2 THEN 1 ELSE 2 END END AS expected_year
    FROM quarters q
    JOIN indicators i ON q.year BETWEEN i.first_year AND i.last_year
)
SELECT quarter_code, indicator_code, frequency,
       CASE WHEN frequency = 'quarterly' THEN quarter_code
            WHEN expected_year >= (SELECT first_year FROM indicators i WHERE i.indicator_code = e.indicator_code)
            THEN CAST(expected_year AS VARCHAR) END AS expected_period,
       CASE WHEN frequency = 'quarterly' THEN quarter_index
            WHEN expected_year >= (SELECT first_year FROM indicators i WHERE i.indicator_code = e.indicator_code)
            THEN expected_year * 4 + 4 END AS expected_index,
       quarter_index
FROM expected e;
