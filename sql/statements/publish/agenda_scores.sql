-- 本季要点 (the report's first page), part 1: the overall score and each domain's, with the change since the
-- quarter before, the lights, and how many indicators cannot be judged (不评价 ▲ / 缺数 no data / 无目标).
-- ${quarter}: the report's quarter. Needs display_macros.sql.
WITH previous_quarter AS (
    SELECT max(quarter_code) AS code FROM mart_overall_quarter WHERE quarter_code < ${quarter}
),
ungraded AS (
    SELECT coalesce(domain_code, '') AS domain_code,
           count(*) FILTER (WHERE is_observation) AS observation,
           count(*) FILTER (WHERE light = 'grey' AND NOT is_observation AND value IS NULL) AS no_data,
           count(*) FILTER (WHERE light = 'grey' AND NOT is_observation AND value IS NOT NULL) AS no_target
    FROM mart_indicator_quarter
    WHERE quarter_code = ${quarter}
    GROUP BY GROUPING SETS ((domain_code), ())
)
SELECT 0 AS sort_order, '总体' AS name, o.overall_score AS score, p.overall_score AS previous_score,
       o.overall_score - p.overall_score AS score_change,
       o.green, o.yellow, o.red, u.observation, u.no_data, u.no_target
FROM mart_overall_quarter o
LEFT JOIN mart_overall_quarter p ON p.quarter_code = (SELECT code FROM previous_quarter)
LEFT JOIN ungraded u ON u.domain_code = ''
WHERE o.quarter_code = ${quarter}
UNION ALL
SELECT d.sort_order, d.domain_name, d.domain_score, p.domain_score, d.domain_score - p.domain_score,
       d.green, d.yellow, d.red, u.observation, u.no_data, u.no_target
FROM mart_domain_quarter d
LEFT JOIN mart_domain_quarter p ON p.domain_code = d.domain_code AND p.quarter_code = (SELECT code FROM previous_quarter)
LEFT JOIN ungraded u ON u.domain_code = d.domain_code
WHERE d.quarter_code = ${quarter}
ORDER BY sort_order
