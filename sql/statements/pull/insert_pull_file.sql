-- One file a pull landed in the inbox (or a period that had no rows: file_name NULL).
-- Parameters: source, origin, version_tag, file_name, path, checksum_sha256, size_bytes, rows_fetched,
-- bureau_code, sender, received_at, job_execution_id
INSERT INTO pull_file (source, origin, version_tag, file_name, path, checksum_sha256, size_bytes, rows_fetched,
                       bureau_code, sender, received_at, job_execution_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, current_timestamp), ?)
