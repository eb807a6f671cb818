-- Current reported (spreadsheet) facts against the same indicator × town × period derived from
-- platform records, beyond tolerance (absolute ${absolute} or relative ${relative}; NULL = not used),
-- whichever arrived first: the R-CROSS-SOURCE check at load time sees only derived facts already
-- present, this lists every difference now (for the marts' data-quality section).
WITH reported AS (
    SELECT * FROM fct_indicator_value WHERE is_current AND source_kind = 'spreadsheet' AND value IS NOT NULL
),

derived AS (
    SELECT * FROM fct_indicator_value WHERE is_current AND source_kind = 'derived' AND value IS NOT NULL
),

compared AS (
    SELECT r.indicator_code, r.town_code, r.period_code, r.bureau_code, r.source_file,
           r.value AS reported_value, d.value AS derived_value, abs(r.value - d.value) AS difference
    FROM reported r
    JOIN derived d USING (indicator_code, town_code, period_code)
)

SELECT *
FROM compared
WHERE NOT (coalesce(difference <= ${absolute}, false) OR coalesce(difference <= ${relative} * abs(derived_value), false))
  AND difference > 1e-9 * greatest(1, abs(derived_value))
ORDER BY indicator_code, period_code, town_code
