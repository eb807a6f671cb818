-- For each staged candidate (tmp_rule_candidate), the current warehouse figures its rules compare
-- with: the previous quarter and the same period a year earlier (same source), the figure already
-- loaded for the same key from another file (re-reports), the figure derived from platform records
-- (cross-source), and the latest earlier quarter of the same year (cumulative indicators).
WITH candidates AS (
    SELECT * FROM tmp_rule_candidate
),

current_facts AS (
    SELECT f.indicator_code, f.town_code, f.period_code, f.source_kind, f.value, f.file_id, f.source_file,
           p.year, p.quarter
    FROM fct_indicator_value f
    JOIN dim_period p USING (period_code)
    WHERE f.is_current
),

previous_quarter AS (
    SELECT c.idx, f.value
    FROM candidates c
    JOIN current_facts f ON f.indicator_code = c.indicator_code AND f.town_code = c.town_code
                        AND f.source_kind = c.source_kind AND f.period_code = c.previous_quarter
),

same_period_last_year AS (
    SELECT c.idx, f.value
    FROM candidates c
    JOIN current_facts f ON f.indicator_code = c.indicator_code AND f.town_code = c.town_code
                        AND f.source_kind = c.source_kind AND f.period_code = c.last_year_period
),

loaded_before AS (
    SELECT c.idx, f.value, f.source_file
    FROM candidates c
    JOIN current_facts f ON f.indicator_code = c.indicator_code AND f.town_code = c.town_code
                        AND f.source_kind = c.source_kind AND f.period_code = c.period_code
    WHERE f.file_id IS DISTINCT FROM c.file_id
),

derived AS (
    SELECT c.idx, f.value
    FROM candidates c
    JOIN current_facts f ON f.indicator_code = c.indicator_code AND f.town_code = c.town_code
                        AND f.source_kind = 'derived' AND f.period_code = c.period_code
    WHERE c.source_kind <> 'derived'
),

earlier_in_year AS (
    SELECT c.idx, arg_max(f.period_code, f.quarter) AS period_code, arg_max(f.value, f.quarter) AS value
    FROM candidates c
    JOIN current_facts f ON f.indicator_code = c.indicator_code AND f.town_code = c.town_code
                        AND f.source_kind = c.source_kind AND f.year = c.year AND f.quarter < c.quarter
    WHERE f.value IS NOT NULL
    GROUP BY c.idx
)

SELECT c.idx,
       pq.value AS previous_quarter_value,
       ly.value AS last_year_value,
       lb.value AS loaded_value,
       lb.source_file AS loaded_file,
       d.value AS derived_value,
       e.period_code AS earlier_period,
       e.value AS earlier_value
FROM candidates c
LEFT JOIN previous_quarter pq USING (idx)
LEFT JOIN same_period_last_year ly USING (idx)
LEFT JOIN loaded_before lb USING (idx)
LEFT JOIN derived d USING (idx)
LEFT JOIN earlier_in_year e USING (idx)
ORDER BY c.idx
