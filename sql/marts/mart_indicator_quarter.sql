-- mart_indicator_quarter (季度调度): indicator x quarter for ${quarter}, replaced as a whole.
-- Reads int_indicator_quarter (built by int_indicator_quarter.sql in the same run).
DELETE FROM mart_indicator_quarter WHERE quarter_code = ${quarter};

INSERT INTO mart_indicator_quarter BY NAME
WITH evaluated AS (
    SELECT * FROM int_indicator_quarter WHERE quarter_code = ${quarter}
)
SELECT quarter_code, year, quarter, indicator_code, indicator_name, kind, plan_mark,
       domain_code, domain_name, bureau_code, bureau_name, unit, direction, frequency,
       is_core, is_observation,
       data_period, value, value_basis, expected_period, is_stale, towns_reported, towns_expected,
       baseline_text, baseline_value, target_year, target_text, target_value, is_bound,
       schedule_target, deviation, completion_rate, score, light, light_zh, grey_reason,
       plan_progress, previous_quarter_value, qoq_change, previous_year_value, yoy_change,
       is_closed,
       current_timestamp AS evaluated_at
FROM evaluated;
