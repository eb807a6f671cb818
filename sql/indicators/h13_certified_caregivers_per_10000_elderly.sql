-- H13 每万老年人口持证养老护理员数 (持证养老护理员数 / 60岁及以上老年人口 × 10000), derived from the
-- 养老护理员持证名单 export: distinct persons (by the keyed hash of the 身份证号) in the latest export
-- carrying the period. Denominator: 60岁及以上老年人口 (C02) from 统计局 for the period's year (its
-- spreadsheet, else a platform export: int_town_population), else the latest earlier year. The city
-- counts each person once even if listed in two towns, over the sum of the 23 towns' elderly
-- population (only when every town has a figure).
INSERT INTO stg_fact (indicator_code, town_code, period_code, value, numerator, denominator)
WITH workers AS (
    SELECT * FROM int_care_worker_latest
),
periods AS (
    SELECT p.period_code, p.year FROM dim_period p WHERE p.period_code IN (SELECT period_code FROM workers)
),
towns AS (
    SELECT town_code FROM dim_town WHERE level = 'town'
),
persons AS (
    SELECT p.period_code, p.year, t.town_code, count(DISTINCT w.person_hash) AS persons
    FROM periods p CROSS JOIN towns t
    LEFT JOIN workers w ON w.period_code = p.period_code AND w.town_code = t.town_code
    GROUP BY ALL
),
elderly AS (
    SELECT town_code, year, population AS elderly FROM int_town_population WHERE indicator_code = 'C02'
),
by_town AS (
    SELECT pe.period_code, pe.town_code, pe.persons, el.elderly
    FROM persons pe
    ASOF LEFT JOIN elderly el ON el.town_code = pe.town_code AND pe.year >= el.year
),
by_city AS (
    SELECT b.period_code, '330681' AS town_code,
           (SELECT count(DISTINCT w.person_hash) FROM workers w WHERE w.period_code = b.period_code) AS persons,
           CASE WHEN count(b.elderly) = count(*) THEN sum(b.elderly) END AS elderly
    FROM by_town b GROUP BY b.period_code
)
SELECT 'H13', town_code, period_code, round(persons / elderly * 10000, 4), persons, elderly
FROM (SELECT * FROM by_town UNION ALL SELECT * FROM by_city)
WHERE elderly > 0;
