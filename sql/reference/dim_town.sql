-- dim_town: Zhuji's 23 town-level divisions (统计用区划代码 2023) and the city 330681 as its own member.
INSERT INTO dim_town
WITH towns AS (
    SELECT *, row_number() OVER () AS sort_order
    FROM read_csv(${towns_csv}, header = true, all_varchar = true)
)
SELECT division_code_9, division_code_12, division_code_9, name,
       regexp_replace(name, '(街道|镇|乡)$', ''), type, 'town', CAST(sort_order AS INTEGER)
FROM towns
UNION ALL
SELECT DISTINCT county_code, county_code || '000000', NULL, county,
       regexp_replace(county, '市$', ''), '市', 'city', 0
FROM towns
ON CONFLICT (town_code) DO UPDATE SET division_code_12 = excluded.division_code_12, division_code_9 = excluded.division_code_9, town_name = excluded.town_name, short_name = excluded.short_name, town_type = excluded.town_type, level = excluded.level, sort_order = excluded.sort_order;
