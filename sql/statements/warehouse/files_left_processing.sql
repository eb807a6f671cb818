-- The files a run that died left marked 'processing' (their read never ended), of the given kinds
-- (${source_kinds}, e.g. 'spreadsheet' or 'platform_indicator,platform_records'). Run before a step reads any file,
-- so every such row is a dead run's.
SELECT file_id, file_name, path, checksum_sha256, source_kind
FROM etl_file
WHERE status = 'processing'
  AND source_kind IN (SELECT unnest(string_split(${source_kinds}, ',')))
ORDER BY file_id;
