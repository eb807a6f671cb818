-- V121: every message mailReply sent to a bureau (or wrote as an .eml file in a dry run), one row per cause:
-- a cause is never sent twice ('receipt:<message id>', 'reminder:<bureau>:<quarter>', 'report:<bureau>:<quarter>').

CREATE SEQUENCE seq_reply_id START 1;
CREATE TABLE reply_message (
    reply_id         BIGINT PRIMARY KEY DEFAULT nextval('seq_reply_id'),
    cause            VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,      -- receipt / returned / verify / reminder / report
    bureau_code      VARCHAR NOT NULL,
    to_address       VARCHAR NOT NULL,
    subject          VARCHAR NOT NULL,
    attachments      VARCHAR,               -- file names, '; '-separated
    message_id       VARCHAR NOT NULL,
    dry_run          BOOLEAN NOT NULL,
    eml_path         VARCHAR,               -- the dry run's file
    sent_at          TIMESTAMP NOT NULL DEFAULT current_timestamp,
    job_execution_id BIGINT,
    UNIQUE (cause, dry_run)
);

COMMENT ON TABLE reply_message IS '发给报送单位的邮件：收到回执、退回修改、数据核实、催报、季度调度会前的本单位情况；同一事由只发一次';
COMMENT ON COLUMN reply_message.reply_id IS '邮件编号';
COMMENT ON COLUMN reply_message.cause IS '事由（同一事由只发一次）';
COMMENT ON COLUMN reply_message.kind IS '类别：receipt 已收到 / returned 退回修改 / verify 数据核实 / reminder 催报 / report 会前通报';
COMMENT ON COLUMN reply_message.bureau_code IS '收件单位编码';
COMMENT ON COLUMN reply_message.to_address IS '收件地址';
COMMENT ON COLUMN reply_message.subject IS '邮件主题';
COMMENT ON COLUMN reply_message.attachments IS '附件';
COMMENT ON COLUMN reply_message.message_id IS '邮件编号（Message-ID）';
COMMENT ON COLUMN reply_message.dry_run IS '是否试运行（只生成 .eml 文件，未发送）';
COMMENT ON COLUMN reply_message.eml_path IS '试运行生成的 .eml 文件';
COMMENT ON COLUMN reply_message.sent_at IS '发送时间';
COMMENT ON COLUMN reply_message.job_execution_id IS '运行编号';
