-- stg_platform_care_workers: one 养老护理员持证名单 export (one certified person a line), read by DuckDB.
-- The GB 11643 checks and the keyed hash happen in this one SELECT over read_csv: the 身份证号 leaves it
-- only as person_hash (HMAC-SHA256) or, on a rejected line, masked; 姓名, 手机号 and 证书编号 are read
-- (the column count must match) but never selected. The row order is the file's, so the rowid gives the
-- line's position among the lines the reader accepted (reject line numbers).
-- 行政区划代码 and 统计期 stay as written here; platform_lookups.sql resolves them once per distinct value.
-- ${columns}: the file's columns in order, named by jobs/sources/platform-care-workers.yml;
-- ${missing_columns}: NULL columns for optional fields the file lacks.
CREATE OR REPLACE TEMP TABLE stg_platform_records AS
WITH source AS (
    SELECT *${missing_columns} FROM read_csv(${path}, header = true, auto_detect = false, delim = ${delim}, quote = '"',
                           escape = '"', columns = ${columns}, store_rejects = true,
                           rejects_table = 'platform_read_rejects', rejects_scan = 'platform_read_scans')
),
cleaned AS (
    SELECT upper(trim(id_no)) AS id_no,
           trim(division_code) AS division_code,
           trim(period) AS period_text,
           nullif(trim(certificate_level), '') AS certificate_level
    FROM source
),
digits AS (
    SELECT *, gb11643_digits(id_no) AS id_digits FROM cleaned
),
checked AS (
    -- id_digits as a column of its own: computed once a line, not once per use inside the checks
    SELECT *, gb11643_problem_of(id_no, id_digits) AS id_problem FROM digits
)
SELECT CASE WHEN id_problem IS NULL THEN keyed_hash(id_no) END AS person_hash,
       division_code, period_text, certificate_level,
       id_problem AS reason_code,
       CASE WHEN id_problem IS NOT NULL THEN mask_id(id_no) END AS raw_value
FROM checked;
