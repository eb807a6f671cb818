-- V002: ETL bookkeeping. Every file received and every rejected row, linked to the
-- Spring Batch job execution that handled it; facts link to the file they came from.

CREATE SEQUENCE seq_file_id START 1;
CREATE TABLE etl_file (
    file_id          BIGINT PRIMARY KEY DEFAULT nextval('seq_file_id'),
    file_name        VARCHAR NOT NULL,
    path             VARCHAR NOT NULL,
    checksum_sha256  VARCHAR NOT NULL,
    size_bytes       BIGINT NOT NULL,
    source_kind      VARCHAR NOT NULL,       -- reference / spreadsheet / platform_indicator / platform_records
    mapping_id       VARCHAR,                -- the jobs/sources mapping that recognised it
    bureau_code      VARCHAR,
    period_code      VARCHAR,
    status           VARCHAR NOT NULL,       -- processing / loaded / loaded_with_rejects / unrecognised / failed / duplicate
    rows_read        BIGINT NOT NULL DEFAULT 0,
    rows_loaded      BIGINT NOT NULL DEFAULT 0,
    rows_rejected    BIGINT NOT NULL DEFAULT 0,
    rows_ignored     BIGINT NOT NULL DEFAULT 0,
    ignored_detail   VARCHAR,                -- e.g. 'title=1, header=2, total=1, blank=3, footnote=2'
    revision         INTEGER,
    message          VARCHAR,
    received_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    processed_at     TIMESTAMP,
    job_execution_id BIGINT
);

CREATE SEQUENCE seq_reject_id START 1;
CREATE TABLE etl_reject (
    reject_id        BIGINT PRIMARY KEY DEFAULT nextval('seq_reject_id'),
    file_id          BIGINT NOT NULL,
    file_name        VARCHAR NOT NULL,
    sheet_name       VARCHAR,
    row_number       BIGINT,                 -- 1-based, as Excel and editors show it
    cell_ref         VARCHAR,                -- 'Sheet1!D7'; NULL for a whole line
    raw_value        VARCHAR,                -- masked where it holds personal data
    reason_code      VARCHAR NOT NULL,
    message_zh       VARCHAR NOT NULL,
    job_execution_id BIGINT,
    created_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);

ALTER TABLE fct_indicator_value ADD COLUMN file_id BIGINT;
ALTER TABLE fct_indicator_value ADD COLUMN job_execution_id BIGINT;
