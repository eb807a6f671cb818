-- How far is each headline indicator from its 2027 target (the plan's final year)?
-- Plan progress p = (A − B) / (T2027 − B): 1 means the 2027 target is already reached.
-- ▲ observation indicators and those without a 2027 target show no progress.
-- Run: jobs/run query sql/examples/distance_to_2027_target.sql
WITH latest AS (
    SELECT indicator_code, max(quarter_code) AS quarter_code
    FROM mart_indicator_quarter
    WHERE kind = 'headline' AND value IS NOT NULL
    GROUP BY indicator_code
)
SELECT q.plan_mark                           AS 序号,
       q.indicator_name                      AS 指标,
       q.unit                                AS 单位,
       q.baseline_text                       AS "2022年基础值",
       q.data_period                         AS 数据期,
       round(q.value, 2)                     AS 最新值,
       round(100 * q.plan_progress, 1)       AS "规划进度(%)",
       q.light_zh                            AS 当季亮灯,
       q.bureau_name                         AS 责任单位
FROM mart_indicator_quarter q
JOIN latest USING (indicator_code, quarter_code)
ORDER BY try_cast(regexp_replace(q.plan_mark, '[^0-9]', '', 'g') AS INTEGER);
