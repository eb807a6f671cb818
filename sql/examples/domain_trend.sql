-- A domain's trend over every evaluated quarter: score, lights and share green.
-- Change the domain in the first CTE (幼有善育, 学有优教, 劳有所得, 病有良医, 老有康养, 住有宜居, 弱有众扶).
-- Run: jobs/run query sql/examples/domain_trend.sql
WITH chosen AS (
    SELECT '幼有善育' AS domain_name
)
SELECT d.quarter_code                  AS 季度,
       d.domain_name                   AS 领域,
       round(d.domain_score, 2)        AS 领域得分,
       d.green                         AS 绿灯,
       d.yellow                        AS 黄灯,
       d.red                           AS 红灯,
       d.grey                          AS 灰灯,
       round(100 * d.share_green, 1)   AS "绿灯占比(%)"
FROM mart_domain_quarter d
JOIN chosen USING (domain_name)
ORDER BY d.quarter_code;
