-- int_indicator_value_effective: the one figure that counts for each indicator x town x period.
-- Only current revisions count (a revised figure replaces the old one), read through the view
-- fct_indicator_value_evaluated, which leaves out figures still 待核实 when qyx.validation.count-unverified
-- is false. When several sources hold a
-- figure for the same key, precedence is fixed here and nowhere else:
--   1 spreadsheet (the bureau's reported figure: the method says the bureau's own city value wins)
--   2 platform    (figures computed by the public-data platform)
--   3 derived     (figures the warehouse derives itself)
-- then the latest loaded. other_value keeps the best figure that lost, so differences can be shown.
CREATE OR REPLACE TEMP VIEW int_indicator_value_effective AS
WITH current_facts AS (
    SELECT * FROM fct_indicator_value_evaluated
    WHERE value IS NOT NULL OR numerator IS NOT NULL
),
ranked AS (
    SELECT *,
           row_number() OVER key_by_precedence AS precedence_rank,
           lead(value) OVER key_by_precedence AS other_value,
           lead(source_kind) OVER key_by_precedence AS other_source_kind
    FROM current_facts
    WINDOW key_by_precedence AS (
        PARTITION BY indicator_code, town_code, period_code
        ORDER BY CASE source_kind WHEN 'spreadsheet' THEN 1 WHEN 'platform' THEN 2 WHEN 'derived' THEN 3 ELSE 4 END,
                 loaded_at DESC, value_id DESC)
)
SELECT value_id, indicator_code, town_code, period_code, value, numerator, denominator, obs_status,
       source_kind, bureau_code, revision, file_id, loaded_at, other_value, other_source_kind,
       source_file, source_sheet, source_row, source_cell, source_line, derived_query, derived_inputs,
       -- where the value was read, as a person finds it: sheet!cell, the export's line, or the query
       coalesce(source_cell, CASE WHEN source_line IS NOT NULL THEN '第 ' || source_line || ' 行' END, derived_query)
           AS source_location
FROM ranked
WHERE precedence_rank = 1;
