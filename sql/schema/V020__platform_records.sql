-- V020: record-level lists from the 公共数据平台, kept only in pseudonymised form.
-- person_hash / household_hash are HMAC-SHA256 (32 bytes) of the 身份证号 / 户编号 under the key in
-- qyx.platform.hash-key: distinct-person counts work on them, the raw numbers are never stored.
-- Names, phone numbers and certificate numbers are dropped while the export is read.
-- Each row belongs to the export (etl_file) it came from; derived indicators use, for each period,
-- the latest export that carries that period.

CREATE TABLE rec_childcare_institution (       -- 托育机构名录
    file_id          BIGINT NOT NULL,
    period_code      VARCHAR NOT NULL,
    town_code        VARCHAR NOT NULL,
    institution_code VARCHAR,                  -- 机构代码 / 统一社会信用代码 (an organisation, not a person)
    institution_name VARCHAR NOT NULL,
    places           INTEGER NOT NULL,         -- 托位数
    is_puhui         BOOLEAN NOT NULL          -- 是否普惠
);

CREATE TABLE rec_care_worker (                 -- 养老护理员持证名单
    file_id           BIGINT NOT NULL,
    period_code       VARCHAR NOT NULL,
    town_code         VARCHAR NOT NULL,
    person_hash       BLOB NOT NULL,
    certificate_level VARCHAR                  -- 证书等级 (初级 / 中级 / 高级 / 技师 ...)
);

CREATE TABLE rec_dibao_recipient (             -- 最低生活保障对象
    file_id        BIGINT NOT NULL,
    period_code    VARCHAR NOT NULL,
    town_code      VARCHAR NOT NULL,
    person_hash    BLOB NOT NULL,
    household_hash BLOB NOT NULL,
    monthly_amount DECIMAL(12, 2) NOT NULL     -- 月保障金额 (元)
);
