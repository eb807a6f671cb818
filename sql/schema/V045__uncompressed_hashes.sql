-- V045: the HMAC-SHA256 columns of the record tables stored uncompressed. A keyed hash is 32 random
-- bytes: DuckDB's default string compression (dictionary / FSST) cannot shrink it, but analysing
-- every row group for it took about half the time of writing a record table (measured: 5,000,000
-- hashes inserted in 3.3 s CPU with the default, 1.6 s uncompressed; same file size). Same columns,
-- same rows; the tables are rebuilt because a column's compression is fixed when it is created.

ALTER TABLE rec_care_worker RENAME TO rec_care_worker_v020;
CREATE TABLE rec_care_worker (                 -- 养老护理员持证名单
    file_id           BIGINT NOT NULL,
    period_code       VARCHAR NOT NULL,
    town_code         VARCHAR NOT NULL,
    person_hash       BLOB USING COMPRESSION uncompressed NOT NULL,
    certificate_level VARCHAR                  -- 证书等级 (初级 / 中级 / 高级 / 技师 ...)
);
INSERT INTO rec_care_worker SELECT file_id, period_code, town_code, person_hash, certificate_level FROM rec_care_worker_v020;
DROP TABLE rec_care_worker_v020;

ALTER TABLE rec_dibao_recipient RENAME TO rec_dibao_recipient_v020;
CREATE TABLE rec_dibao_recipient (             -- 最低生活保障对象
    file_id        BIGINT NOT NULL,
    period_code    VARCHAR NOT NULL,
    town_code      VARCHAR NOT NULL,
    person_hash    BLOB USING COMPRESSION uncompressed NOT NULL,
    household_hash BLOB USING COMPRESSION uncompressed NOT NULL,
    monthly_amount DECIMAL(12, 2) NOT NULL     -- 月保障金额 (元)
);
INSERT INTO rec_dibao_recipient SELECT file_id, period_code, town_code, person_hash, household_hash, monthly_amount
FROM rec_dibao_recipient_v020;
DROP TABLE rec_dibao_recipient_v020;
