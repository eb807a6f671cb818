-- H02 普惠托位占比 (普惠托位数 / 托位总数 × 100, %), derived from the 托育机构名录 export:
-- the places of institutions marked 是否普惠 = 是, over all places, in the latest export carrying the period.
-- By town (towns with at least one place) and for the city (all places).
INSERT INTO stg_fact (indicator_code, town_code, period_code, value, numerator, denominator)
WITH institutions AS (
    SELECT * FROM int_childcare_institution_latest
),
by_town AS (
    SELECT period_code, town_code,
           sum(CASE WHEN is_puhui THEN places ELSE 0 END) AS puhui_places, sum(places) AS places
    FROM institutions GROUP BY ALL
),
by_city AS (
    SELECT period_code, '330681' AS town_code, sum(puhui_places) AS puhui_places, sum(places) AS places
    FROM by_town GROUP BY period_code
)
SELECT 'H02', town_code, period_code, round(puhui_places / places * 100, 4), puhui_places, places
FROM (SELECT * FROM by_town UNION ALL SELECT * FROM by_city)
WHERE places > 0;
