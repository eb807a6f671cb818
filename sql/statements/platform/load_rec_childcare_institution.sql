-- The good lines of stg_platform_records (a 托育机构名录) into rec_childcare_institution, town and period resolved.
INSERT INTO rec_childcare_institution (file_id, period_code, town_code, institution_code, institution_name, places, is_puhui)
SELECT ${file_id}, p.period_code, t.town_code, s.institution_code, s.institution_name, s.places, s.is_puhui
FROM stg_platform_records s
JOIN platform_town_lookup t USING (division_code)
JOIN platform_period_lookup p USING (period_text)
WHERE s.reason_code IS NULL AND p.period_code IS NOT NULL;
