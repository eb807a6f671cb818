-- Merges stg_fact into fct_indicator_value for one source (${source_kind}), keeping revisions:
--   a key (indicator x town x period x source) seen for the first time   -> revision 1, current;
--   a key whose value, numerator or denominator differs from the current -> the old row stays,
--     no longer current; the new one is revision n+1 with OBS_STATUS 'R' (revised) unless staged otherwise;
--   a key with the same figures                                          -> nothing changes.
-- Each revision keeps where its value was read (sheet/row/cell, line, or query and inputs).
-- The changes (old -> new) are left in temp table fact_changes for the run summary.

CREATE OR REPLACE TEMP TABLE fact_changes AS
WITH current_facts AS (
    SELECT * FROM fct_indicator_value WHERE is_current AND source_kind = ${source_kind}
)
SELECT s.indicator_code, s.town_code, s.period_code,
       c.value AS old_value, s.value AS new_value,
       s.numerator, s.denominator,
       s.source_sheet, s.source_row, s.source_cell, s.source_line, s.derived_query, s.derived_inputs,
       CASE WHEN c.value_id IS NULL THEN s.obs_status
            WHEN s.obs_status = 'A' THEN 'R'
            ELSE s.obs_status END AS obs_status,
       c.value_id AS old_value_id,
       coalesce(c.revision, 0) + 1 AS revision
FROM stg_fact s
LEFT JOIN current_facts c USING (indicator_code, town_code, period_code)
WHERE c.value_id IS NULL
   OR c.value IS DISTINCT FROM s.value
   OR c.numerator IS DISTINCT FROM s.numerator
   OR c.denominator IS DISTINCT FROM s.denominator;

UPDATE fct_indicator_value SET is_current = false
WHERE value_id IN (SELECT old_value_id FROM fact_changes WHERE old_value_id IS NOT NULL);

INSERT INTO fct_indicator_value (indicator_code, town_code, period_code, value, numerator, denominator, obs_status,
                                 source_kind, bureau_code, source_file, revision, is_current, file_id, job_execution_id,
                                 source_sheet, source_row, source_cell, source_line, derived_query, derived_inputs)
SELECT indicator_code, town_code, period_code, new_value, numerator, denominator, obs_status,
       ${source_kind}, ${bureau_code}, ${source_file}, revision, true, ${file_id}, ${job_execution_id},
       source_sheet, source_row, source_cell, source_line, derived_query, derived_inputs
FROM fact_changes;
