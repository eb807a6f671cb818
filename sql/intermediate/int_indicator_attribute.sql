-- int_indicator_attribute: each indicator definition (dim_indicator, all SCD versions) with the
-- attributes the evaluation needs beyond the star schema: whether it is reported by town and the
-- scale of a ratio (value = numerator / denominator x scale), from ${attributes_csv}
-- (reference-dir/indicator_attributes.csv, the same file the catalog is built from). An indicator the
-- file does not list is reported by town when it is a context indicator not kept at city level (the
-- populations C01-C04 are the towns' denominators), as the rules read it (IndicatorInfos).
CREATE OR REPLACE TEMP TABLE int_indicator_attribute AS
WITH indicators AS (
    SELECT * FROM dim_indicator
),
attributes AS (
    SELECT indicator_code,
           lower(by_town) = 'true' AS by_town,
           TRY_CAST(nullif(scale, '') AS DOUBLE) AS scale
    FROM read_csv(${attributes_csv}, header = true, all_varchar = true)
),
bureaus AS (
    SELECT bureau_code, short_name AS bureau_name FROM dim_bureau
),
domains AS (
    SELECT domain_code, domain_name, sort_order AS domain_sort_order FROM dim_domain
)
SELECT i.indicator_code, i.indicator_name, i.unit, i.kind, i.plan_mark, i.seq_no,
       i.domain_code, d.domain_name, d.domain_sort_order,
       i.bureau_code, coalesce(b.bureau_name, i.bureau_code) AS bureau_name,
       i.is_core, i.is_observation, i.direction, i.frequency, i.aggregation,
       coalesce(a.by_town, i.kind = 'context' AND i.aggregation <> 'city_only') AS by_town,
       coalesce(a.scale, 1) AS scale,
       i.valid_from_year, i.valid_to_year, i.is_current
FROM indicators i
LEFT JOIN attributes a USING (indicator_code)
LEFT JOIN bureaus b USING (bureau_code)
LEFT JOIN domains d USING (domain_code);
