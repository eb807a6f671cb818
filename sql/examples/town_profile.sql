-- One town's profile against the city: every indicator reported by town in the latest quarter,
-- the town's value, its rank among the towns, the city value and the gap.
-- Change the town in the first CTE (short or full name: 枫桥 / 枫桥镇).
-- Run: jobs/run query sql/examples/town_profile.sql
WITH chosen AS (
    SELECT '枫桥镇' AS town_name
),
latest AS (
    SELECT max(quarter_code) AS quarter_code FROM mart_town_comparison
)
SELECT t.indicator_code                  AS 指标编码,
       t.indicator_name                  AS 指标,
       t.unit                            AS 单位,
       t.data_period                     AS 数据期,
       round(t.town_value, 2)            AS 本镇街,
       t.town_rank || '/' || t.towns_ranked AS 排名,
       round(t.city_value, 2)            AS 全市,
       round(t.gap_to_city, 2)           AS 与全市差距,
       round(t.town_cv, 3)               AS 镇街离散系数
FROM mart_town_comparison t
JOIN latest USING (quarter_code)
JOIN chosen c ON t.town_name = c.town_name OR t.town_name LIKE c.town_name || '%'
ORDER BY t.indicator_code;
