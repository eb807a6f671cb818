-- The lineage of derived figures (docs/evaluation-method.md §9): after ${query_file} has filled stg_fact,
-- each figure keeps the query and the input records it was computed from: the records of ${records_table}
-- of the latest export carrying the period, in the town (or, for the city, in all towns). Denominators
-- taken from other facts (population C01 etc.) are kept as the fact's numerator/denominator.
CREATE OR REPLACE TEMP TABLE tmp_derived_inputs AS
WITH records AS (
    SELECT 'rec_childcare_institution' AS records_table, file_id, period_code, town_code FROM rec_childcare_institution
    UNION ALL
    SELECT 'rec_care_worker', file_id, period_code, town_code FROM rec_care_worker
    UNION ALL
    SELECT 'rec_dibao_recipient', file_id, period_code, town_code FROM rec_dibao_recipient
),
wanted AS (
    SELECT * FROM records WHERE records_table = ${records_table}
),
latest AS (
    SELECT period_code, max(file_id) AS file_id FROM wanted GROUP BY period_code
)
SELECT s.indicator_code, s.town_code, s.period_code, l.file_id,
       count(w.period_code) AS records
FROM stg_fact s
LEFT JOIN latest l USING (period_code)
LEFT JOIN wanted w ON w.period_code = s.period_code AND w.file_id = l.file_id
                  AND (s.town_code = '330681' OR w.town_code = s.town_code)
GROUP BY ALL;

UPDATE stg_fact s
SET derived_query = ${query_file},
    -- (no file id in the text: ids differ between an interrupted and an uninterrupted run; the export is the
    -- latest carrying the period)
    derived_inputs = ${records_table} || '：' || i.records || ' 条记录（该期最新导出文件）'
FROM tmp_derived_inputs i
WHERE i.indicator_code = s.indicator_code AND i.town_code = s.town_code AND i.period_code = s.period_code;
