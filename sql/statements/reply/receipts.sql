-- The files of the mailed messages that have no receipt yet (no reply_message for 'receipt:<message id>' in this
-- mode, ${dry_run}), once every file of the message has been handled by an ingest: one row per file, with its outcome.
-- Only messages taken from a sender in the address book (pull_message status 'taken'): an unknown sender gets nothing.
WITH taken AS (
    SELECT m.message_id, m.sender, m.bureau_code, m.sent_at
    FROM pull_message m
    WHERE m.status = 'taken'
      AND NOT EXISTS (SELECT 1 FROM reply_message r WHERE r.cause = 'receipt:' || m.message_id AND r.dry_run = ${dry_run})
),
files AS (
    SELECT t.message_id, t.sender, t.bureau_code, t.sent_at, p.file_name AS mailed_name,
           (SELECT max(e.file_id) FROM etl_file e WHERE e.checksum_sha256 = p.checksum_sha256 AND e.status <> 'processing') AS file_id
    FROM taken t JOIN pull_file p ON p.source = 'mail' AND p.origin = t.message_id AND p.file_name IS NOT NULL
)
SELECT f.message_id, f.sender, f.bureau_code, b.short_name AS bureau_name, f.sent_at, f.mailed_name,
       e.file_name, e.status, e.rows_read, e.rows_loaded, e.rows_rejected, e.rows_ignored, e.message,
       CAST(e.processed_at AS DATE) AS processed_day, e.period_code,
       (SELECT count(*) FROM fct_rule_result r WHERE r.file_id = e.file_id AND r.tier = '核实性') AS to_verify
FROM files f
JOIN dim_bureau b ON b.bureau_code = f.bureau_code
LEFT JOIN etl_file e ON e.file_id = f.file_id
WHERE f.message_id NOT IN (SELECT message_id FROM files WHERE file_id IS NULL)
ORDER BY f.message_id, f.mailed_name;
