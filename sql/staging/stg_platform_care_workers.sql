-- stg_platform_care_workers: one 养老护理员持证名单 export (one certified person a line), read by DuckDB.
-- The GB 11643 checks and the keyed hash (statements/platform/keyed_hash.sql) happen in this one SELECT over read_csv: the 身份证号 leaves it
-- only as person_hash (HMAC-SHA256) or, on a rejected line, masked; 证书等级 passes mask_personal_numbers; 姓名, 手机号 and 证书编号 are read
-- (the column count must match) but never selected. The row order is the file's, and it gives the
-- line's position among the lines the reader accepted (reject line numbers).
-- 行政区划代码 and 统计期 stay as written here; statements/platform/lookups.sql resolves them once per distinct value.
-- ${columns}: the file's columns in order, named by jobs/sources/platform/platform-care-workers.yml;
-- ${missing_columns}: NULL columns for optional fields the file lacks.
-- ${staging_file}: the Parquet file the staged lines go to, in the file's order (statements/platform/staged_records.sql reads it back as
-- stg_platform_records): written as they are read, so the staging never sits in memory, whatever the file's size.
-- Written in place (USE_TMP_FILE false): the file RecordExportLoader created, owner-only, named for this process.
COPY (
WITH source AS (
    SELECT *${missing_columns} FROM read_csv(${path}, header = true, auto_detect = false, delim = ${delim}, quote = '"',
                           escape = '"', columns = ${columns}, store_rejects = true,
                           rejects_table = 'platform_read_rejects', rejects_scan = 'platform_read_scans')
),
cleaned AS (
    SELECT upper(trim(id_no)) AS id_no,
           trim(division_code) AS division_code,
           trim(period) AS period_text,
           mask_personal_numbers(nullif(trim(certificate_level), '')) AS certificate_level
    FROM source
),
hashed AS (
    -- NULL person_hash: the number is not valid by GB 11643 (gb11643_problem says why, on those lines only)
    SELECT *, id_keyed_hash(id_no) AS person_hash FROM cleaned
)
SELECT person_hash, division_code, period_text, certificate_level,
       CASE WHEN person_hash IS NULL THEN gb11643_problem(id_no) END AS reason_code,
       CASE WHEN person_hash IS NULL THEN mask_id(id_no) END AS raw_value
FROM hashed
) TO ${staging_file} (FORMAT parquet, COMPRESSION uncompressed, USE_TMP_FILE false);
