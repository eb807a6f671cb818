-- Which indicators are red (明显滞后) in the last closed quarter, and who is responsible?
-- The list the 季度调度会 starts from: worst deviation first.
-- Run: jobs/run query sql/examples/red_indicators_this_quarter.sql
WITH latest AS (
    SELECT max(quarter_code) AS quarter_code
    FROM mart_indicator_quarter
    -- closed quarters only: the one under way is refreshed nightly but not yet judged
    WHERE make_date(year, 3 * quarter, 1) + INTERVAL 1 MONTH <= current_date
)
SELECT q.quarter_code                  AS 季度,
       q.indicator_code                AS 指标编码,
       q.indicator_name                AS 指标,
       q.domain_name                   AS 领域,
       q.bureau_name                   AS 责任单位,
       q.data_period                   AS 数据期,
       round(q.value, 2)               AS 本期值,
       round(q.schedule_target, 2)     AS 序时目标,
       q.target_text                   AS 年度目标,
       round(100 * q.deviation, 1)     AS "偏差(%)",
       q.score                         AS 得分
FROM mart_indicator_quarter q
JOIN latest USING (quarter_code)
WHERE q.light = 'red'
ORDER BY q.deviation;
