-- int_city_value: the city-level value of each indicator x period.
-- built: from the towns by the indicator's aggregation rule (sum: the towns' values added up;
--        ratio: numerators and denominators summed, then divided, times the scale; a rate is never
--        averaged), only when every town reported (method §5: a value built from some of the towns is
--        no city value, so with a town missing or rejected there is no built value and no difference;
--        towns_in_city_value says how many reported, towns_expected how many should);
-- reported: the city value the bureau reported itself (town_code 330681), which wins when present.
CREATE OR REPLACE TEMP TABLE int_city_value AS
WITH effective AS (
    SELECT * FROM int_indicator_value_effective
),
indicators AS (
    SELECT * FROM int_indicator_attribute WHERE is_current
),
towns AS (
    SELECT town_code FROM dim_town WHERE level = 'town'
),
town_count AS (
    SELECT count(*) AS towns FROM towns
),
town_values AS (
    SELECT e.* FROM effective e JOIN towns USING (town_code)
),
-- summed as DECIMAL: a sum of doubles depends on the order the rows are read in, and a city value
-- that comes out 94.99999999999999 one night and 95.0 the next would flip a light at its target
exact_town_values AS (
    SELECT indicator_code, period_code,
           CAST(value AS DECIMAL(38, 10)) AS value,
           CAST(numerator AS DECIMAL(38, 10)) AS numerator,
           CAST(denominator AS DECIMAL(38, 10)) AS denominator
    FROM town_values
),
built AS (
    SELECT t.indicator_code, t.period_code,
           count(*) AS towns_in_city_value,
           CAST(sum(t.numerator) AS DOUBLE) AS numerator,
           CAST(sum(t.denominator) AS DOUBLE) AS denominator,
           CASE i.aggregation
               WHEN 'sum' THEN CAST(sum(t.value) AS DOUBLE)
               WHEN 'ratio' THEN CASE WHEN count(t.numerator) = count(*) AND count(t.denominator) = count(*)
                                           AND sum(t.denominator) <> 0
                                      THEN sum(t.numerator) / sum(t.denominator) * any_value(i.scale) END
           END AS built_value
    FROM exact_town_values t
    JOIN indicators i USING (indicator_code)
    WHERE i.aggregation IN ('sum', 'ratio')
    GROUP BY t.indicator_code, t.period_code, i.aggregation
),
reported AS (
    SELECT indicator_code, period_code, value AS reported_value, source_kind AS reported_source_kind,
           value_id AS reported_fact_id, revision AS reported_revision, source_file AS reported_file,
           source_location AS reported_location
    FROM effective
    WHERE town_code = '330681'
),
combined AS (
    SELECT coalesce(r.indicator_code, b.indicator_code) AS indicator_code,
           coalesce(r.period_code, b.period_code) AS period_code,
           r.reported_value, r.reported_source_kind,
           r.reported_fact_id, r.reported_revision, r.reported_file, r.reported_location,
           b.towns_in_city_value, (SELECT towns FROM town_count) AS towns_expected,
           b.towns_in_city_value = (SELECT towns FROM town_count) AS built_is_complete,
           CASE WHEN b.towns_in_city_value = (SELECT towns FROM town_count) THEN b.built_value END AS built_value,
           CASE WHEN b.towns_in_city_value = (SELECT towns FROM town_count) THEN b.numerator END AS numerator,
           CASE WHEN b.towns_in_city_value = (SELECT towns FROM town_count) THEN b.denominator END AS denominator
    FROM reported r
    FULL JOIN built b USING (indicator_code, period_code)
)
SELECT c.*,
       CASE WHEN reported_value IS NOT NULL THEN reported_value
            WHEN built_is_complete THEN built_value END AS city_value,
       CASE WHEN reported_value IS NOT NULL THEN 'reported'
            WHEN built_is_complete AND built_value IS NOT NULL THEN 'built' END AS value_basis,
       -- rounded: the built value of a ratio carries a double's noise (1e-14), which is no difference to report
       round(reported_value - built_value, 6) AS reported_minus_built,
       p.period_type, p.year AS data_year,
       p.year * 4 + coalesce(p.quarter, 4) AS period_index
FROM combined c
JOIN dim_period p USING (period_code);
