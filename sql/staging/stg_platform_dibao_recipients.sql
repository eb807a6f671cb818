-- stg_platform_dibao_recipients: one 最低生活保障对象 export (one person a line), read by DuckDB.
-- 身份证号 is validated (GB 11643) and hashed, 户编号 hashed, in this one SELECT over read_csv;
-- 姓名 and 手机号 are read but never selected. rowid + 1 = position among the lines the reader accepted.
-- ${columns}: the file's columns in order, named by jobs/sources/platform-dibao-recipients.yml.
CREATE OR REPLACE TEMP TABLE stg_platform_records AS
WITH source AS (
    SELECT *${missing_columns} FROM read_csv(${path}, header = true, auto_detect = false, delim = ${delim}, quote = '"', escape = '"',
                           columns = ${columns}, store_rejects = true,
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
checked AS (
    SELECT *,
           getvariable('platform_towns')[division_code] AS town_code,
           platform_period(period_text) AS period_code,
           gb11643_problem(id_no) AS id_problem
    FROM cleaned
)
SELECT CASE WHEN id_problem IS NULL THEN keyed_hash(id_no) END AS person_hash,
       CASE WHEN household_no IS NOT NULL THEN keyed_hash(household_no) END AS household_hash,
       town_code, period_code, monthly_amount,
       CASE WHEN id_problem IS NOT NULL THEN id_problem
            WHEN household_no IS NULL THEN 'MISSING_HOUSEHOLD'
            WHEN town_code IS NULL THEN 'UNKNOWN_DIVISION'
            WHEN period_code IS NULL THEN 'BAD_PERIOD'
            WHEN monthly_amount IS NULL THEN 'MISSING_AMOUNT'
            WHEN monthly_amount < 0 THEN 'NEGATIVE_AMOUNT' END AS reason_code,
       CASE WHEN id_problem IS NOT NULL THEN mask_id(id_no)
            WHEN town_code IS NULL THEN division_code
            WHEN period_code IS NULL THEN period_text
            WHEN monthly_amount < 0 THEN CAST(monthly_amount AS VARCHAR) END AS raw_value
FROM checked;

INSERT INTO rec_dibao_recipient (file_id, period_code, town_code, person_hash, household_hash, monthly_amount)
SELECT ${file_id}, period_code, town_code, person_hash, household_hash, monthly_amount
FROM stg_platform_records
WHERE reason_code IS NULL;
