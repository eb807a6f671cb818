-- Explains the 核实性 results still 待核实 with the explanations received in explanation files
-- (etl_explanation): same indicator, town and period, and the same rule or none named. When several
-- match, one naming the rule wins over one that does not, then the latest received.
WITH candidates AS (
    SELECT r.rule_result_id, e.explanation, e.file_name, e.location, e.received_at,
           row_number() OVER (PARTITION BY r.rule_result_id
                              ORDER BY e.rule_id IS NULL, e.explanation_id DESC) AS pick
    FROM fct_rule_result r
    JOIN etl_explanation e ON e.indicator_code = r.indicator_code AND e.town_code = r.town_code
                          AND e.period_code = r.period_code AND (e.rule_id IS NULL OR e.rule_id = r.rule_id)
    WHERE r.review_state = '待核实'
)
UPDATE fct_rule_result r
SET review_state = '已说明',
    explanation = c.explanation,
    explanation_source = '情况说明文件 ' || c.file_name || ' ' || c.location,
    explained_at = c.received_at
FROM candidates c
WHERE c.rule_result_id = r.rule_result_id AND c.pick = 1;
