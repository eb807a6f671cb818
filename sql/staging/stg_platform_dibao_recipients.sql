-- stg_platform_dibao_recipients: one 最低生活保障对象 export (one person a line), read by DuckDB.
-- 身份证号 is validated (GB 11643) and hashed, 户编号 hashed, in this one SELECT over read_csv;
-- 姓名 and 手机号 are read but never selected. The row order is the file's: it gives the line's position among the lines the
-- reader accepted. 行政区划代码 and 统计期 stay as written; statements/platform/lookups.sql resolves them.
-- ${columns}: the file's columns in order, named by jobs/sources/platform/platform-dibao-recipients.yml.
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
           nullif(trim(household_no), '') AS household_no,
           trim(division_code) AS division_code,
           trim(period) AS period_text,
           monthly_amount
    FROM source
),
hashed AS (
    -- NULL person_hash: the number is not valid by GB 11643 (gb11643_problem says why, on those lines only)
    SELECT *, id_keyed_hash(id_no) AS person_hash FROM cleaned
),
checked AS (
    SELECT *, CASE WHEN person_hash IS NULL THEN gb11643_problem(id_no) END AS id_problem FROM hashed
)
SELECT person_hash,
       CASE WHEN household_no IS NOT NULL THEN keyed_hash(household_no) END AS household_hash,
       division_code, period_text, monthly_amount,
       CASE WHEN id_problem IS NOT NULL THEN id_problem
            WHEN household_no IS NULL THEN 'MISSING_HOUSEHOLD'
            WHEN monthly_amount IS NULL THEN 'MISSING_AMOUNT'
            WHEN monthly_amount < 0 THEN 'NEGATIVE_AMOUNT' END AS reason_code,
       CASE WHEN id_problem IS NOT NULL THEN mask_id(id_no)
            WHEN monthly_amount < 0 THEN CAST(monthly_amount AS VARCHAR) END AS raw_value
FROM checked
) TO ${staging_file} (FORMAT parquet, COMPRESSION uncompressed, USE_TMP_FILE false);
