-- severity: warn
-- description: 文件登记的退回行数与退回明细（etl_reject）中的行数一致
SELECT f.file_id, f.file_name, f.rows_rejected, count(DISTINCT coalesce(r.cell_ref, r.sheet_name || '#' || r.row_number)) AS reject_rows
FROM etl_file f
LEFT JOIN etl_reject r USING (file_id)
WHERE f.status IN ('loaded', 'loaded_with_rejects')
GROUP BY f.file_id, f.file_name, f.rows_rejected
HAVING (f.rows_rejected > 0) <> (count(r.reject_id) > 0)
