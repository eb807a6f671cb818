-- trace: the rule findings on the figure ${indicator} x ${town} x ${period} (latest run of each rule and
-- source) with the 情况说明 attached, and the explanations received for it.
WITH findings AS (
    SELECT *, row_number() OVER (PARTITION BY rule_id, source_kind, value ORDER BY rule_result_id DESC) AS latest
    FROM fct_rule_result
    WHERE indicator_code = ${indicator} AND town_code = ${town} AND period_code = ${period}
)
SELECT 'finding' AS kind, rule_id, tier, source_kind, value, message_zh, review_state, explanation, explanation_source,
       file_name, location
FROM findings WHERE latest = 1
UNION ALL
SELECT 'explanation', rule_id, NULL, NULL, NULL, NULL, NULL, explanation, file_name || ' ' || location, file_name, location
FROM etl_explanation
WHERE indicator_code = ${indicator} AND town_code = ${town} AND period_code = ${period}
ORDER BY kind DESC, rule_id
