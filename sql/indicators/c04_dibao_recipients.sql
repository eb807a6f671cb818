-- C04 最低生活保障对象人数, derived from the 最低生活保障对象 export: distinct persons (by the keyed hash
-- of the 身份证号) in the latest export carrying the period, by town (0 where a town has none) and for
-- the city (each person once).
INSERT INTO stg_fact (indicator_code, town_code, period_code, value, numerator, denominator)
WITH latest_export AS (
    SELECT period_code, max(file_id) AS file_id FROM rec_dibao_recipient GROUP BY period_code
),
recipients AS (
    SELECT r.* FROM rec_dibao_recipient r JOIN latest_export USING (period_code, file_id)
),
towns AS (
    SELECT town_code FROM dim_town WHERE level = 'town'
),
by_town AS (
    SELECT e.period_code, t.town_code, count(DISTINCT r.person_hash) AS persons
    FROM latest_export e CROSS JOIN towns t
    LEFT JOIN recipients r ON r.period_code = e.period_code AND r.town_code = t.town_code
    GROUP BY ALL
),
by_city AS (
    SELECT period_code, '330681' AS town_code, count(DISTINCT person_hash) AS persons
    FROM recipients GROUP BY period_code
)
SELECT 'C04', town_code, period_code, persons, NULL, NULL
FROM (SELECT * FROM by_town UNION ALL SELECT * FROM by_city);
