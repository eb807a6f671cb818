-- stg_platform_care_workers: one 养老护理员持证名单 export (one certified person a line), read by DuckDB.
-- Validation (GB 11643) and the keyed hash happen in this one SELECT over read_csv: 身份证号 leaves it
-- only as person_hash (HMAC-SHA256) or, for a rejected line, masked; 姓名, 手机号, 证书编号 are read
-- (the column count must match) but never selected. Rows keep the file's order, so rowid + 1 is the
-- line's position among the lines the reader accepted (used for reject line numbers).
-- ${columns}: the file's columns in order, named by the mapping (jobs/sources/platform-care-workers.yml).
CREATE OR REPLACE TEMP TABLE stg_platform_records AS
WITH source AS (
    SELECT *${missing_columns} FROM read_csv(${path}, header = true, auto_detect = false, delim = ${delim}, quote = '"', escape = '"',
                           columns = ${columns}, store_rejects = true,
                           rejects_table = 'platform_read_rejects', rejects_scan = 'platform_read_scans')
),
cleaned AS (
    SELECT upper(trim(id_no)) AS id_no,
           trim(division_code) AS division_code,
           trim(period) AS period_text,
           nullif(trim(certificate_level), '') AS certificate_level
    FROM source
),
checked AS (
    SELECT *,
           getvariable('platform_towns')[division_code] AS town_code,
           platform_period(period_text) AS period_code,
           gb11643_problem(id_no) AS id_problem
    FROM cleaned
)
SELECT CASE WHEN id_problem IS NULL THEN keyed_hash(id_no) END AS person_hash,
       town_code, period_code, certificate_level,
       CASE WHEN id_problem IS NOT NULL THEN id_problem
            WHEN town_code IS NULL THEN 'UNKNOWN_DIVISION'
            WHEN period_code IS NULL THEN 'BAD_PERIOD' END AS reason_code,
       CASE WHEN id_problem IS NOT NULL THEN mask_id(id_no)
            WHEN town_code IS NULL THEN division_code
            WHEN period_code IS NULL THEN period_text END AS raw_value
FROM checked;

INSERT INTO rec_care_worker (file_id, period_code, town_code, person_hash, certificate_level)
SELECT ${file_id}, period_code, town_code, person_hash, certificate_level
FROM stg_platform_records
WHERE reason_code IS NULL;
