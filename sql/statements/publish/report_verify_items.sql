-- 待核实事项 of the quarterly report: the 核实性 findings still without a 情况说明 on figures of data periods up
-- to ${quarter} that a bureau owns and the evaluation uses: a figure without a responsible bureau (derived
-- from the platform's records) or of a context indicator (population, 低保 counts: never judged) is not
-- listed. The file is named as the bureau sent it; a derived figure is described by what it comes from.
-- tmp_unexplained_verify_items: statements/validation/unexplained_verify_items.sql as a view (ReportData).
SELECT v.bureau_name, qyx_period_zh(v.period_code) AS period_zh, v.indicator_code, v.indicator_name, v.town_name,
       v.rule_id, qyx_value_zh(v.value, i.unit, v.indicator_name) AS value_zh,
       qyx_value_zh(v.compared_value, i.unit, v.indicator_name) AS compared_value_zh, v.message_zh,
       CASE WHEN v.file_name LIKE 'sql/%' THEN '由公共数据平台记录计算' ELSE v.file_name END AS file_name,
       CASE WHEN v.location LIKE 'sql/%' THEN '' ELSE coalesce(v.location, '') END AS location
FROM tmp_unexplained_verify_items v
JOIN dim_indicator i ON i.indicator_code = v.indicator_code AND i.is_current AND i.domain_code IS NOT NULL
WHERE v.period_code <= ${quarter} AND v.bureau_code IS NOT NULL
ORDER BY v.bureau_code, v.period_code, v.indicator_code, v.rule_id
