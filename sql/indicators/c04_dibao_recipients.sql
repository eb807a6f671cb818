-- C04 最低生活保障对象人数, derived from the 最低生活保障对象 export: distinct persons (by the keyed hash
-- of the 身份证号) in the latest export carrying the period, by town (0 where a town has none) and for
-- the city (each person once).
INSERT INTO stg_fact (indicator_code, town_code, period_code, value, numerator, denominator)
WITH recipients AS (
    SELECT * FROM int_dibao_recipient_latest
),
periods AS (
    SELECT DISTINCT period_code FROM recipients
),
towns AS (
    SELECT town_code FROM dim_town WHERE level = 'town'
),
by_town AS (
    SELECT p.period_code, t.town_code, count(DISTINCT r.person_hash) AS persons
    FROM periods p CROSS JOIN towns t
    LEFT JOIN recipients r ON r.period_code = p.period_code AND r.town_code = t.town_code
    GROUP BY ALL
),
by_city AS (
    SELECT period_code, '330681' AS town_code, count(DISTINCT person_hash) AS persons
    FROM recipients GROUP BY period_code
)
SELECT 'C04', town_code, period_code, persons, NULL, NULL
FROM (SELECT * FROM by_town UNION ALL SELECT * FROM by_city);
