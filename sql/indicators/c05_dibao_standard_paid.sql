-- C05 最低生活保障实际发放年人均标准 (元), city only, derived from the 最低生活保障对象 export:
-- the monthly amounts paid, summed over the persons of the latest export carrying the period, × 12,
-- over the number of distinct persons (by the keyed hash of the 身份证号).
-- Numerator: the year's amount at this month's rate (元); denominator: persons.
INSERT INTO stg_fact (indicator_code, town_code, period_code, value, numerator, denominator)
WITH recipients AS (
    SELECT * FROM int_dibao_recipient_latest
),
by_city AS (
    SELECT period_code, sum(monthly_amount) * 12 AS paid_per_year, count(DISTINCT person_hash) AS persons
    FROM recipients GROUP BY period_code
)
SELECT 'C05', '330681', period_code, round(paid_per_year / persons, 2), paid_per_year, persons
FROM by_city
WHERE persons > 0;
