-- int_town_population: the population figures the derived rates divide by, by town and year:
-- C01 常住人口 (H01) and C02 60岁及以上老年人口 (H13), as 统计局 reported them for the year (a current
-- fact of a year period), its spreadsheet preferred over a platform export of the same figure.
-- A view (temporary, this connection only), created by DerivedIndicators before the indicator files.
CREATE OR REPLACE TEMP VIEW int_town_population AS
SELECT indicator_code, town_code, CAST(period_code AS INTEGER) AS year,
       arg_min(value, CASE source_kind WHEN 'spreadsheet' THEN 1 ELSE 2 END) AS population
FROM fct_indicator_value
WHERE indicator_code IN ('C01', 'C02') AND is_current AND source_kind IN ('spreadsheet', 'platform')
  AND length(period_code) = 4
GROUP BY ALL;
