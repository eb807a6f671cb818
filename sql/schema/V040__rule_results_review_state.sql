-- V040: the bureaus' figures judged by the rule catalogue (jobs/rules): every rule result per run,
-- the review state of each fact (待核实 / 已说明 with its 情况说明), and the explanations received.
-- These judge what the bureaus reported; the warehouse's own integrity checks (sql/checks) guard our code.

CREATE SEQUENCE seq_rule_result_id START 1;
CREATE TABLE fct_rule_result (
    rule_result_id     BIGINT PRIMARY KEY DEFAULT nextval('seq_rule_result_id'),
    rule_id            VARCHAR NOT NULL,        -- jobs/rules id, e.g. 'R-CHANGE-YOY'
    rule_version       INTEGER NOT NULL,
    rule_kind          VARCHAR NOT NULL,        -- range / numerator-denominator / total / cumulative / change / re-report / cross-source / missing
    tier               VARCHAR NOT NULL,        -- 强制性 / 核实性 / 提示性 (after overrides)
    outcome            VARCHAR NOT NULL,        -- failed / not_comparable / missing
    reason_code        VARCHAR NOT NULL,
    indicator_code     VARCHAR NOT NULL,
    town_code          VARCHAR,
    period_code        VARCHAR NOT NULL,
    bureau_code        VARCHAR,
    source_kind        VARCHAR,                 -- spreadsheet / platform / derived; NULL for a missing figure
    file_id            BIGINT,
    file_name          VARCHAR,
    sheet_name         VARCHAR,
    row_number         BIGINT,
    location           VARCHAR,                 -- 'Sheet1!D7', 'line 42'
    raw_text           VARCHAR,
    value              DOUBLE,                  -- the figure judged
    compared_value     DOUBLE,                  -- what it was compared with (sum of towns, base period, derived figure, ...)
    compared_with      VARCHAR,                 -- what that is, in Chinese: '各镇街合计', '2023年第二季度', ...
    message_zh         VARCHAR NOT NULL,
    review_state       VARCHAR,                 -- 核实性 only: 待核实 / 已说明
    explanation        VARCHAR,                 -- the 情况说明 text
    explanation_source VARCHAR,                 -- '备注 Sheet1!H7 in x.xlsx' or the explanation file and line
    explained_at       TIMESTAMP,
    job_execution_id   BIGINT,
    created_at         TIMESTAMP NOT NULL DEFAULT current_timestamp
);

-- review state of a fact with a 核实性 finding: NULL (nothing to review), 待核实, 已说明
ALTER TABLE fct_indicator_value ADD COLUMN review_state VARCHAR;
ALTER TABLE fct_indicator_value ADD COLUMN review_note VARCHAR;
ALTER TABLE fct_indicator_value ADD COLUMN review_source VARCHAR;
ALTER TABLE fct_indicator_value ADD COLUMN reviewed_at TIMESTAMP;

-- 情况说明 received in explanation files (inbox/情况说明/*.csv|xlsx), kept so that an explanation
-- sent before (or after) the figure it explains still finds it.
CREATE SEQUENCE seq_explanation_id START 1;
CREATE TABLE etl_explanation (
    explanation_id   BIGINT PRIMARY KEY DEFAULT nextval('seq_explanation_id'),
    rule_id          VARCHAR,                   -- NULL: any 核实性 rule on that figure
    indicator_code   VARCHAR NOT NULL,
    town_code        VARCHAR NOT NULL,
    period_code      VARCHAR NOT NULL,
    explanation      VARCHAR NOT NULL,
    reporter         VARCHAR,                   -- 填报人 as written
    file_id          BIGINT NOT NULL,
    file_name        VARCHAR NOT NULL,
    location         VARCHAR NOT NULL,          -- 'line 3' or 'Sheet1!E3'
    received_at      TIMESTAMP NOT NULL DEFAULT current_timestamp,
    job_execution_id BIGINT
);
