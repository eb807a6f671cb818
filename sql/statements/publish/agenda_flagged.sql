-- 本季要点, part 2: every red and yellow indicator of ${quarter}: name, bureau, the value as written in its
-- unit and data period, the schedule target, the deviation, how many quarters in a row it has shown this
-- light (this quarter included), and the open issue (问题编号). Needs display_macros.sql.
WITH flagged AS (
    SELECT * FROM mart_indicator_quarter WHERE quarter_code = ${quarter} AND light IN ('red', 'yellow')
),
history AS (
    SELECT indicator_code, quarter_code, light FROM mart_indicator_quarter WHERE quarter_code <= ${quarter}
),
last_other AS (
    SELECT f.indicator_code, max(h.quarter_code) AS quarter_code
    FROM flagged f LEFT JOIN history h ON h.indicator_code = f.indicator_code AND h.light <> f.light
    GROUP BY f.indicator_code
),
streak AS (
    SELECT l.indicator_code, count(*) AS quarters
    FROM last_other l JOIN history h ON h.indicator_code = l.indicator_code AND h.quarter_code > coalesce(l.quarter_code, '')
    GROUP BY l.indicator_code
)
SELECT f.light, f.light_zh, f.indicator_code, f.indicator_name, f.domain_name, f.bureau_name,
       qyx_value_zh(f.value, f.unit, f.indicator_name) AS value_zh,
       qyx_data_period_zh(f.data_period, f.indicator_name) AS data_period_zh,
       qyx_value_zh(f.schedule_target, f.unit, f.indicator_name) AS schedule_target_zh,
       qyx_target_zh(f.target_text, f.unit) AS target_zh,
       qyx_percent_zh(f.deviation) AS deviation_zh,
       s.quarters AS quarters_in_light,
       i.issue_id
FROM flagged f
JOIN streak s USING (indicator_code)
LEFT JOIN mart_issue i ON i.as_of_quarter = ${quarter} AND i.indicator_code = f.indicator_code AND i.status = 'open'
LEFT JOIN dim_domain d ON d.domain_code = f.domain_code
ORDER BY CASE f.light WHEN 'red' THEN 0 ELSE 1 END, f.deviation, d.sort_order, f.indicator_code
