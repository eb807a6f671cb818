-- One message sent (or written as .eml in a dry run). Parameters: cause, kind, bureau_code, to_address, subject,
-- attachments, message_id, dry_run, eml_path, job_execution_id
INSERT INTO reply_message (cause, kind, bureau_code, to_address, subject, attachments, message_id, dry_run, eml_path,
                           job_execution_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
