-- One explanation file's resolved rows (Appender), moved into etl_explanation in one statement. Temporary.
CREATE OR REPLACE TEMP TABLE tmp_explanation (
    rule_id VARCHAR, indicator_code VARCHAR, town_code VARCHAR, period_code VARCHAR, explanation VARCHAR,
    reporter VARCHAR, location VARCHAR
);
