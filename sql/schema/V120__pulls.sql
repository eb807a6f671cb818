-- V120: what the pulls brought into the inbox (platformPull, mailPull, sftpPull) and every message the
-- mailbox intake looked at. A pulled file is then an ordinary inbox file: the ingests register it in etl_file
-- by its checksum, and take its received time from here (a mailed workbook's received time is the message's
-- date, not the night it was first seen).

CREATE SEQUENCE seq_pull_id START 1;
CREATE TABLE pull_file (
    pull_id          BIGINT PRIMARY KEY DEFAULT nextval('seq_pull_id'),
    source           VARCHAR NOT NULL,      -- platform / mail / sftp
    origin           VARCHAR NOT NULL,      -- platform: <dataset>/<period>; mail: <message id>; sftp: <remote path>
    version_tag      VARCHAR,               -- the platform's change marker; the remote file's size and time
    file_name        VARCHAR,               -- what landed in the inbox; NULL when the period had no rows
    path             VARCHAR,
    checksum_sha256  VARCHAR,
    size_bytes       BIGINT,
    rows_fetched     BIGINT,
    bureau_code      VARCHAR,
    sender           VARCHAR,
    received_at      TIMESTAMP NOT NULL,
    pulled_at        TIMESTAMP NOT NULL DEFAULT current_timestamp,
    job_execution_id BIGINT
);

CREATE TABLE pull_message (
    message_id       VARCHAR PRIMARY KEY,
    sender           VARCHAR,
    subject          VARCHAR,
    bureau_code      VARCHAR,
    sent_at          TIMESTAMP,
    status           VARCHAR NOT NULL,      -- taken / quarantined
    reason           VARCHAR,               -- why quarantined (Chinese)
    attachments      INTEGER NOT NULL DEFAULT 0,
    processed_at     TIMESTAMP NOT NULL DEFAULT current_timestamp,
    job_execution_id BIGINT
);

COMMENT ON TABLE pull_file IS '自动收取的文件：数据平台接口、邮箱、SFTP 取来放入收件箱的文件';
COMMENT ON COLUMN pull_file.pull_id IS '收取编号';
COMMENT ON COLUMN pull_file.source IS '来源：platform 数据平台接口 / mail 邮箱 / sftp';
COMMENT ON COLUMN pull_file.origin IS '来源位置：数据集与期别、邮件编号或远程路径';
COMMENT ON COLUMN pull_file.version_tag IS '来源给出的版本标记（据此判断是否有更新）';
COMMENT ON COLUMN pull_file.file_name IS '放入收件箱的文件名（该期无数据时为空）';
COMMENT ON COLUMN pull_file.path IS '放入收件箱的路径';
COMMENT ON COLUMN pull_file.checksum_sha256 IS '文件校验值（SHA-256）';
COMMENT ON COLUMN pull_file.size_bytes IS '文件大小（字节）';
COMMENT ON COLUMN pull_file.rows_fetched IS '从接口取得的数据行数';
COMMENT ON COLUMN pull_file.bureau_code IS '报送部门编码（邮件按发件地址确定）';
COMMENT ON COLUMN pull_file.sender IS '发件地址';
COMMENT ON COLUMN pull_file.received_at IS '收到时间（邮件为邮件日期，用于按时报送统计）';
COMMENT ON COLUMN pull_file.pulled_at IS '取回时间';
COMMENT ON COLUMN pull_file.job_execution_id IS '运行编号';
COMMENT ON TABLE pull_message IS '邮箱收取记录：每封处理过的邮件（已收取或已隔离），同一邮件不会收取两次';
COMMENT ON COLUMN pull_message.message_id IS '邮件编号（Message-ID）';
COMMENT ON COLUMN pull_message.sender IS '发件地址';
COMMENT ON COLUMN pull_message.subject IS '邮件主题';
COMMENT ON COLUMN pull_message.bureau_code IS '按通讯录确定的部门编码（未知发件人为空）';
COMMENT ON COLUMN pull_message.sent_at IS '邮件日期';
COMMENT ON COLUMN pull_message.status IS '处理结果：taken 已收取 / quarantined 已隔离';
COMMENT ON COLUMN pull_message.reason IS '隔离原因';
COMMENT ON COLUMN pull_message.attachments IS '放入收件箱的附件数';
COMMENT ON COLUMN pull_message.processed_at IS '处理时间';
COMMENT ON COLUMN pull_message.job_execution_id IS '运行编号';
