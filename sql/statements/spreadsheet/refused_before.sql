-- A refused spreadsheet (unrecognised / failed) with the same content and reason recorded before, if any:
-- a refused file is recorded once, however often it is seen in the inbox.
SELECT max(file_id) AS file_id
FROM etl_file
WHERE checksum_sha256 = ${checksum}
  AND source_kind = 'spreadsheet'
  AND status = ${status}
  AND message = ${message};
