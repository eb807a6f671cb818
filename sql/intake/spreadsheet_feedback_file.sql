-- What the 退回修改 workbook says about a file: template, bureau, period and counts.
-- No row when the file had no rejects.
SELECT f.mapping_id, b.official_name, f.period_code, f.rows_read, f.rows_loaded, f.rows_rejected, f.rows_ignored
FROM etl_file f
LEFT JOIN dim_bureau b USING (bureau_code)
WHERE f.file_id = ${file_id}
  AND f.rows_rejected > 0;
