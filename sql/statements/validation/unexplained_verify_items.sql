-- 核实性 items still 待核实 on current facts, per bureau: the quarterly report's section of unexplained
-- items, and the marts' data-quality measures. A result counts while the fact it judged is current
-- (the same figure): a corrected revision no longer carries it.
WITH pending AS (
    SELECT r.*
    FROM fct_rule_result r
    JOIN fct_indicator_value f ON f.is_current AND f.indicator_code = r.indicator_code AND f.town_code = r.town_code
                              AND f.period_code = r.period_code AND f.source_kind = r.source_kind
                              AND f.value IS NOT DISTINCT FROM r.value
    WHERE r.review_state = '待核实'
)
SELECT b.short_name AS bureau_name, p.bureau_code, p.period_code, p.indicator_code, i.indicator_name,
       coalesce(t.town_name, p.town_code) AS town_name, p.rule_id, p.value, p.compared_value, p.message_zh,
       p.file_name, p.location
FROM pending p
LEFT JOIN dim_bureau b USING (bureau_code)
LEFT JOIN dim_indicator i ON i.indicator_code = p.indicator_code AND i.is_current
LEFT JOIN dim_town t ON t.town_code = p.town_code
ORDER BY p.bureau_code, p.period_code, p.indicator_code, t.sort_order, p.rule_id
