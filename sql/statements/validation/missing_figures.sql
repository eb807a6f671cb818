-- 应报未报: the figures a bureau owes for a period and has not reported (for the 催报 list).
-- Expected: every current indicator of the bureau (${bureau_code}; NULL = all bureaus) whose frequency
-- matches the period (quarterly -> '2024Q2', annual -> '2024'), by town for indicators reported by town
-- and for the city otherwise, as staged in tmp_missing_indicator (the rule's applies-to already applied).
-- Reported: a current fact with a value from one of the sources in tmp_missing_source.
WITH period AS (
    SELECT * FROM dim_period WHERE period_code = ${period_code}
),

indicators AS (
    SELECT d.indicator_code, d.indicator_name, d.bureau_code, d.frequency, m.by_town
    FROM dim_indicator d
    JOIN tmp_missing_indicator m USING (indicator_code)
    JOIN period p ON p.year BETWEEN d.valid_from_year AND d.valid_to_year
    WHERE (${bureau_code} IS NULL OR d.bureau_code = ${bureau_code})
      AND ((d.frequency = 'quarterly' AND p.period_type = 'quarter') OR (d.frequency = 'annual' AND p.period_type = 'year'))
),

expected AS (
    SELECT i.*, t.town_code, t.town_name, t.sort_order
    FROM indicators i
    JOIN dim_town t ON t.level = CASE WHEN i.by_town THEN 'town' ELSE 'city' END
),

reported AS (
    SELECT DISTINCT indicator_code, town_code
    FROM fct_indicator_value
    WHERE is_current AND period_code = ${period_code} AND value IS NOT NULL
      AND source_kind IN (SELECT source_kind FROM tmp_missing_source)
)

SELECT e.indicator_code, e.indicator_name, e.bureau_code, b.short_name AS bureau_name, e.town_code, e.town_name
FROM expected e
JOIN dim_bureau b USING (bureau_code)
LEFT JOIN reported r USING (indicator_code, town_code)
WHERE r.indicator_code IS NULL
ORDER BY e.bureau_code, e.indicator_code, e.sort_order
