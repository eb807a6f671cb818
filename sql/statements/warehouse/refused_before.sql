-- A refused file (any kind) with the same content and reason recorded before, if any: a refused file
-- is recorded once, however often it is seen in the inbox.
SELECT file_id, bureau_code
FROM etl_file
WHERE checksum_sha256 = ${checksum}
  AND status = ${status}
  AND message = ${message}
ORDER BY file_id DESC
LIMIT 1;
