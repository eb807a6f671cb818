-- 行政区划代码 and 统计期 of a record-level export, resolved once per distinct value (not once a line).
-- Towns by their 12- and 9-digit codes (a record belongs to a town, never to the city as a whole);
-- periods by platform_period (statements/platform/macros.sql); NULL period_code = not a period.
CREATE OR REPLACE TEMP TABLE platform_town_lookup AS
SELECT division_code_12 AS division_code, town_code FROM dim_town WHERE level = 'town'
UNION ALL
SELECT division_code_9, town_code FROM dim_town WHERE level = 'town' AND division_code_9 IS NOT NULL;

CREATE OR REPLACE TEMP TABLE platform_period_lookup AS
SELECT period_text, CASE WHEN platform_period(period_text) IN (SELECT period_code FROM dim_period)
                         THEN platform_period(period_text) END AS period_code
FROM (SELECT DISTINCT period_text FROM stg_platform_records);
