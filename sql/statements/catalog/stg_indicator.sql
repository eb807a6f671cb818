-- Staging for the indicator catalog: one row per indicator and one per indicator x year target,
-- filled by the catalog step, merged by merge_dim_indicator.sql. Temporary: gone with the connection.
CREATE OR REPLACE TEMP TABLE stg_indicator (
    indicator_code VARCHAR, indicator_name VARCHAR, unit VARCHAR, domain_code VARCHAR, bureau_code VARCHAR,
    kind VARCHAR, seq_no INTEGER, plan_mark VARCHAR, is_core BOOLEAN, is_observation BOOLEAN,
    direction VARCHAR, frequency VARCHAR, aggregation VARCHAR, note VARCHAR
);
CREATE OR REPLACE TEMP TABLE stg_indicator_target (
    indicator_code VARCHAR, year INTEGER, target_text VARCHAR, comparator VARCHAR, target_value DECIMAL(18, 4),
    baseline_text VARCHAR, baseline_value DECIMAL(18, 4), source VARCHAR
);
