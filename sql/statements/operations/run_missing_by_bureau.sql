-- The figures owed and not reported (应报未报, the 催报 list) that one run (${job_execution_ids}) recorded, by bureau.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
)
SELECT coalesce(b.short_name, r.bureau_code) AS bureau_name, count(*) AS figures
FROM fct_rule_result r
LEFT JOIN dim_bureau b USING (bureau_code)
WHERE r.rule_kind = 'missing' AND r.job_execution_id IN (SELECT job_execution_id FROM run)
GROUP BY ALL
ORDER BY figures DESC, bureau_name;
