-- The figures one run (${job_execution_ids}) revised, as the clerk reads them: indicator, town name
-- (dim_town), period label, old and new value; the first ${max_rows}.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
)
SELECT f.indicator_code, i.indicator_name, t.town_name, p.label_zh AS period_label,
       (SELECT o.value FROM fct_indicator_value o
        WHERE o.indicator_code = f.indicator_code AND o.town_code = f.town_code AND o.period_code = f.period_code
          AND o.source_kind = f.source_kind AND o.revision = f.revision - 1) AS old_value,
       f.value AS new_value
FROM fct_indicator_value f
JOIN dim_town t USING (town_code)
JOIN dim_period p USING (period_code)
LEFT JOIN dim_indicator i ON i.indicator_code = f.indicator_code AND i.is_current
WHERE f.job_execution_id IN (SELECT job_execution_id FROM run) AND f.revision > 1
ORDER BY f.indicator_code, t.sort_order, f.period_code
LIMIT ${max_rows};
