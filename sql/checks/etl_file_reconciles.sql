-- severity: error
-- description: 每个已处理文件的行数平衡：读取 = 入库 + 退回 + 忽略
SELECT file_id, file_name, rows_read, rows_loaded, rows_rejected, rows_ignored
FROM etl_file
WHERE status IN ('loaded', 'loaded_with_rejects')
  AND rows_read <> rows_loaded + rows_rejected + rows_ignored
