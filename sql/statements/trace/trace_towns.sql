-- trace: the towns' figures of ${indicator} for period ${period} that a built city value comes from (the
-- figure that counts per town, int_indicator_value_effective's precedence), in town order.
WITH ranked AS (
    SELECT f.*, row_number() OVER (PARTITION BY f.town_code ORDER BY CASE f.source_kind WHEN 'spreadsheet' THEN 1
                                   WHEN 'platform' THEN 2 WHEN 'derived' THEN 3 ELSE 4 END, f.loaded_at DESC, f.value_id DESC) AS rank_no
    FROM fct_indicator_value f
    WHERE f.is_current AND f.indicator_code = ${indicator} AND f.period_code = ${period}
      AND (f.value IS NOT NULL OR f.numerator IS NOT NULL)
)
SELECT t.town_code, t.town_name, r.value_id, r.source_kind, r.revision, r.value, r.numerator, r.denominator,
       coalesce(e.file_name, r.source_file) AS file_name,
       coalesce(r.source_cell, CASE WHEN r.source_line IS NOT NULL THEN '第 ' || r.source_line || ' 行' END, r.derived_query)
           AS location
FROM dim_town t
LEFT JOIN ranked r ON r.town_code = t.town_code AND r.rank_no = 1
LEFT JOIN etl_file e ON e.file_id = r.file_id
WHERE t.level = 'town'
ORDER BY t.sort_order, t.town_code
