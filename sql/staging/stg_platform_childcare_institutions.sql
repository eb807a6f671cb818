-- stg_platform_childcare_institutions: one 托育机构名录 export (one institution a line), read by DuckDB.
-- No personal data is expected; a phone or ID number typed into the code or the name is masked (mask_personal_numbers).
-- The row order is the file's: it gives the line's position among the lines the reader accepted.
-- 行政区划代码 and 统计期 stay as written; statements/platform/lookups.sql resolves them.
-- ${columns}: the file's columns in order, named by jobs/sources/platform/platform-childcare-institutions.yml.
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
    SELECT mask_personal_numbers(nullif(trim(institution_code), '')) AS institution_code,
           mask_personal_numbers(nullif(trim(institution_name), '')) AS institution_name,
           trim(division_code) AS division_code,
           trim(period) AS period_text,
           places,
           CASE WHEN trim(is_puhui) IN ('是', 'Y', 'y', '1', '普惠', 'TRUE', 'true') THEN true
                WHEN trim(is_puhui) IN ('否', 'N', 'n', '0', '非普惠', 'FALSE', 'false') THEN false END AS is_puhui,
           is_puhui AS puhui_text
    FROM source
)
SELECT institution_code, institution_name, division_code, period_text, places, is_puhui,
       CASE WHEN institution_name IS NULL THEN 'MISSING_NAME'
            WHEN places IS NULL THEN 'MISSING_NUMBER'
            WHEN places < 0 THEN 'NEGATIVE_NUMBER'
            WHEN is_puhui IS NULL THEN 'BAD_FLAG' END AS reason_code,
       CASE WHEN places < 0 THEN CAST(places AS VARCHAR)
            WHEN institution_name IS NOT NULL AND places IS NOT NULL AND is_puhui IS NULL THEN puhui_text END AS raw_value
FROM cleaned
) TO ${staging_file} (FORMAT parquet, COMPRESSION uncompressed, USE_TMP_FILE false);
