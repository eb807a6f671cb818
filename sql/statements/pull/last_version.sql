-- The version marker recorded the last time this origin (a dataset's period, a remote file) was pulled whole.
-- Parameters: source, origin
SELECT version_tag FROM pull_file WHERE source = ? AND origin = ? ORDER BY pull_id DESC LIMIT 1
