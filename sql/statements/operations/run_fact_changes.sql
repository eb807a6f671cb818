-- The figures one run (${job_execution_ids}, e.g. '3,4') added or revised, by source: new (revision 1)
-- and revised (a later revision), for the run summary.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
)
SELECT source_kind,
       count(*) FILTER (WHERE revision = 1) AS new_figures,
       count(*) FILTER (WHERE revision > 1) AS revised_figures
FROM fct_indicator_value
WHERE job_execution_id IN (SELECT job_execution_id FROM run)
GROUP BY source_kind
ORDER BY source_kind;
