-- The supplementary feedback workbooks (etl_feedback_finding, kind 'later': findings made after the file loaded) of
-- files that came by mail from a bureau's address (pull_file, pull_message 'taken'), with no reply yet for
-- 'feedback:<file id>:<workbook>' in this mode (${dry_run}): one row per workbook, to the address the file came from
-- (the latest message, when the same file was mailed twice).
WITH later AS (
    SELECT file_id, workbook_day, workbook_name, count(*) AS findings
    FROM etl_feedback_finding
    WHERE kind = 'later'
    GROUP BY ALL
)
SELECT 'feedback:' || l.file_id || ':' || l.workbook_name AS cause, l.workbook_day, l.workbook_name, l.findings,
       e.file_name, m.sender, m.bureau_code, b.short_name AS bureau_name
FROM later l
JOIN etl_file e ON e.file_id = l.file_id
JOIN pull_file p ON p.source = 'mail' AND p.checksum_sha256 = e.checksum_sha256
JOIN pull_message m ON m.message_id = p.origin AND m.status = 'taken'
JOIN dim_bureau b ON b.bureau_code = m.bureau_code
WHERE NOT EXISTS (SELECT 1 FROM reply_message r
                  WHERE r.cause = 'feedback:' || l.file_id || ':' || l.workbook_name AND r.dry_run = ${dry_run})
QUALIFY row_number() OVER (PARTITION BY l.file_id, l.workbook_name ORDER BY m.sent_at DESC NULLS LAST) = 1
ORDER BY l.workbook_day, l.workbook_name;
