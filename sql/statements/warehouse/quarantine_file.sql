-- A file left 'processing' by a run that died, recorded as quarantined: moved from ${quarantined_from} to ${path}.
UPDATE etl_file
SET status = 'quarantined', path = ${path}, quarantined_from = ${quarantined_from}, message = ${message},
    bureau_code = ${bureau_code}, job_execution_id = ${job_execution_id}, processed_at = current_timestamp
WHERE file_id = ${file_id};
