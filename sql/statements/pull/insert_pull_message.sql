-- One message the mailbox intake handled: taken (its attachments are in pull_file) or quarantined with the reason.
-- Parameters: message_id, sender, subject, bureau_code, sent_at, status, reason, attachments, job_execution_id
INSERT INTO pull_message (message_id, sender, subject, bureau_code, sent_at, status, reason, attachments, job_execution_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
