-- Staging for one file's (or one derivation's) observations before they become facts.
-- Filled by FactWriter.stage (Appender) or by set-based SQL (derived indicators), merged by
-- merge_fct_indicator_value.sql. Temporary: gone with the connection.
CREATE OR REPLACE TEMP TABLE stg_fact (
    indicator_code VARCHAR NOT NULL,
    town_code      VARCHAR NOT NULL,
    period_code    VARCHAR NOT NULL,
    value          DOUBLE,
    numerator      DOUBLE,
    denominator    DOUBLE,
    obs_status     VARCHAR NOT NULL DEFAULT 'A'
);
