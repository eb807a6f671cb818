-- The good lines of stg_platform_records (a 最低生活保障对象 list) into rec_dibao_recipient, town and period resolved.
INSERT INTO rec_dibao_recipient (file_id, period_code, town_code, person_hash, household_hash, monthly_amount)
SELECT ${file_id}, p.period_code, t.town_code, s.person_hash, s.household_hash, s.monthly_amount
FROM stg_platform_records s
JOIN platform_town_lookup t USING (division_code)
JOIN platform_period_lookup p USING (period_text)
WHERE s.reason_code IS NULL AND p.period_code IS NOT NULL;
