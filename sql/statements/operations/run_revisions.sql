-- The figures one run (${job_execution_ids}) revised, as the clerk reads them: indicator, town name
-- (dim_town), period label, old and new value, and both as the report writes them (old_shown, new_shown:
-- the indicator's unit and display decimals, from statements/warehouse/display_macros.sql, run first on the
-- same connection); the first ${max_rows}.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
)
SELECT *, qyx_value_zh(old_value, unit, indicator_name) AS old_shown, qyx_value_zh(new_value, unit, indicator_name) AS new_shown
FROM (
SELECT f.indicator_code, i.indicator_name, i.unit, t.town_name, t.sort_order, f.period_code, p.label_zh AS period_label,
       (SELECT o.value FROM fct_indicator_value o
        WHERE o.indicator_code = f.indicator_code AND o.town_code = f.town_code AND o.period_code = f.period_code
          AND o.source_kind = f.source_kind AND o.revision = f.revision - 1) AS old_value,
       f.value AS new_value
FROM fct_indicator_value f
JOIN dim_town t USING (town_code)
JOIN dim_period p USING (period_code)
LEFT JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.is_current
WHERE f.job_execution_id IN (SELECT job_execution_id FROM run) AND f.revision > 1
) revised
ORDER BY indicator_code, sort_order, period_code
LIMIT ${max_rows};
