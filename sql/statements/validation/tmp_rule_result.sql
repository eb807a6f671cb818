-- Rule results of one call, appended by RuleResults (Appender) and moved into fct_rule_result in one
-- statement (insert_rule_results.sql), so ids and timestamps come from the table. Temporary.
CREATE OR REPLACE TEMP TABLE tmp_rule_result (
    rule_id VARCHAR, rule_version INTEGER, rule_kind VARCHAR, tier VARCHAR, outcome VARCHAR, reason_code VARCHAR,
    indicator_code VARCHAR, town_code VARCHAR, period_code VARCHAR, bureau_code VARCHAR, source_kind VARCHAR,
    file_id BIGINT, file_name VARCHAR, sheet_name VARCHAR, row_number BIGINT, location VARCHAR, raw_text VARCHAR,
    value DOUBLE, compared_value DOUBLE, compared_with VARCHAR, message_zh VARCHAR,
    review_state VARCHAR, explanation VARCHAR, explanation_source VARCHAR
);
