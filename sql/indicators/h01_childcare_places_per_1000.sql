-- H01 每千人口托位数 (3岁以下婴幼儿托位数 / 常住人口 × 1000), derived from the 托育机构名录 export.
-- Numerator: 托位数 summed over the institutions of the latest export carrying the period.
-- Denominator: 常住人口 (C01) of the town as reported by 统计局 for the period's year (its spreadsheet,
-- else a platform export: int_town_population); when that year is not in yet, the latest earlier year.
-- Towns with no institution count 0 places. The city: all places / the sum of the 23 towns' population
-- (only when every town has a population figure).
INSERT INTO stg_fact (indicator_code, town_code, period_code, value, numerator, denominator)
WITH institutions AS (
    SELECT * FROM int_childcare_institution_latest
),
periods AS (
    SELECT p.period_code, p.year FROM dim_period p WHERE p.period_code IN (SELECT period_code FROM institutions)
),
towns AS (
    SELECT town_code FROM dim_town WHERE level = 'town'
),
places AS (
    SELECT p.period_code, p.year, t.town_code, coalesce(sum(i.places), 0) AS places
    FROM periods p CROSS JOIN towns t
    LEFT JOIN institutions i ON i.period_code = p.period_code AND i.town_code = t.town_code
    GROUP BY ALL
),
population AS (
    SELECT town_code, year, population FROM int_town_population WHERE indicator_code = 'C01'
),
by_town AS (
    SELECT pl.period_code, pl.town_code, pl.places, po.population
    FROM places pl
    ASOF LEFT JOIN population po ON po.town_code = pl.town_code AND pl.year >= po.year
),
by_city AS (
    SELECT period_code, '330681' AS town_code, sum(places) AS places,
           CASE WHEN count(population) = count(*) THEN sum(population) END AS population
    FROM by_town GROUP BY period_code
)
SELECT 'H01', town_code, period_code, round(places / population * 1000, 4), places, population
FROM (SELECT * FROM by_town UNION ALL SELECT * FROM by_city)
WHERE population > 0;
