-- v_reported_vs_derived: where a bureau reports a figure (its spreadsheet, or a platform indicator
-- export) that the warehouse also derives from the platform's record-level lists, both current
-- figures side by side with the difference. Both stay in fct_indicator_value (source_kind
-- 'spreadsheet' / 'platform' vs 'derived'); neither overwrites the other.
CREATE OR REPLACE VIEW v_reported_vs_derived AS
WITH derived AS (
    SELECT indicator_code, town_code, period_code, value, numerator, denominator
    FROM fct_indicator_value WHERE is_current AND source_kind = 'derived'
),
reported AS (
    SELECT indicator_code, town_code, period_code, source_kind, bureau_code, source_file, value
    FROM fct_indicator_value WHERE is_current AND source_kind IN ('spreadsheet', 'platform')
)
SELECT d.indicator_code, i.indicator_name, d.town_code, t.town_name, d.period_code,
       r.source_kind AS reported_source, r.bureau_code, r.source_file AS reported_file,
       r.value AS reported_value, d.value AS derived_value, d.numerator AS derived_numerator,
       d.denominator AS derived_denominator,
       d.value - r.value AS difference,
       CASE WHEN r.value <> 0 THEN round((d.value - r.value) / abs(r.value) * 100, 2) END AS difference_pct
FROM derived d
JOIN reported r USING (indicator_code, town_code, period_code)
LEFT JOIN dim_indicator i ON i.indicator_code = d.indicator_code AND i.is_current
LEFT JOIN dim_town t ON t.town_code = d.town_code;
