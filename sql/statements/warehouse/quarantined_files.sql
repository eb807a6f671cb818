-- The quarantined files of the given kinds (${source_kinds}) with where each was moved and where it came from.
SELECT file_id, path, quarantined_from, checksum_sha256, epoch_ms(processed_at) AS quarantined_ms
FROM etl_file
WHERE status = 'quarantined'
  AND source_kind IN (SELECT unnest(string_split(${source_kinds}, ',')))
ORDER BY file_id;
