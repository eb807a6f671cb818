-- The good lines of stg_platform_records (a 养老护理员持证名单) into rec_care_worker, town and period resolved.
INSERT INTO rec_care_worker (file_id, period_code, town_code, person_hash, certificate_level)
SELECT ${file_id}, p.period_code, t.town_code, s.person_hash, s.certificate_level
FROM stg_platform_records s
JOIN platform_town_lookup t USING (division_code)
JOIN platform_period_lookup p USING (period_text)
WHERE s.reason_code IS NULL AND p.period_code IS NOT NULL;
