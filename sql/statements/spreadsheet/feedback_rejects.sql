-- The rejects a 退回修改 workbook lists (the first ${max_rows}), in the order they were found.
SELECT sheet_name, row_number, cell_ref, raw_value, reason_code, message_zh
FROM etl_reject
WHERE file_id = ${file_id}
ORDER BY reject_id
LIMIT ${max_rows};
