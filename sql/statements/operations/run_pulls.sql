-- What the pulls of one run (${job_execution_ids}, e.g. '3,4') brought into the inbox, by source (pull_file), and
-- the messages the mailbox intake quarantined (pull_message), for the run summary.
WITH run AS (
    SELECT TRY_CAST(unnest(string_split(${job_execution_ids}, ',')) AS BIGINT) AS job_execution_id
)
SELECT s.source,
       (SELECT count(*) FROM pull_file f WHERE f.source = s.source AND f.file_name IS NOT NULL
            AND f.job_execution_id IN (SELECT job_execution_id FROM run)) AS files,
       (SELECT count(*) FROM pull_message m WHERE s.source = 'mail' AND m.status = 'quarantined'
            AND m.job_execution_id IN (SELECT job_execution_id FROM run)) AS quarantined
FROM (VALUES ('platform'), ('mail'), ('sftp')) s(source)
WHERE s.source = ${source};
