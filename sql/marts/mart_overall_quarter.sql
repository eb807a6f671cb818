-- mart_overall_quarter (总体评价) for ${quarter}: the plain mean of the domain scores of the domains
-- with at least one scored indicator, the share of scored indicators that are green, and the open
-- issues. The 4th quarter's row is also the year's evaluation (mart_annual_evaluation).
-- Reads mart_domain_quarter and mart_issue of the same quarter (built before this file).
-- The mean is exact (DECIMAL sum, quotient rounded half up), as in mart_domain_quarter: the same
-- domain scores give the same overall score whatever order they are read in.
-- evaluated_at keeps its time on a row whose content did not change (the UPDATE at the end).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT quarter_code AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_overall_quarter WHERE quarter_code = ${quarter};

DELETE FROM mart_overall_quarter WHERE quarter_code = ${quarter};

INSERT INTO mart_overall_quarter BY NAME
WITH domains AS (
    SELECT * FROM mart_domain_quarter WHERE quarter_code = ${quarter}
),
quarter AS (
    SELECT period_code AS quarter_code, year, quarter FROM dim_period WHERE period_code = ${quarter}
),
open_issues AS (
    SELECT count(*) AS open_issues FROM mart_issue WHERE as_of_quarter = ${quarter} AND status = 'open'
)
SELECT q.quarter_code, q.year, q.quarter,
       count(d.domain_score) AS scored_domains,
       round(CAST(sum(CAST(d.domain_score AS DECIMAL(5, 2))) / nullif(count(d.domain_score), 0) AS DECIMAL(18, 9)), 2) AS overall_score,
       coalesce(sum(d.indicators), 0) AS indicators,
       coalesce(sum(d.scored_indicators), 0) AS scored_indicators,
       coalesce(sum(d.green), 0) AS green,
       coalesce(sum(d.yellow), 0) AS yellow,
       coalesce(sum(d.red), 0) AS red,
       coalesce(sum(d.grey), 0) AS grey,
       CAST(sum(d.green) AS DOUBLE) / nullif(sum(d.scored_indicators), 0) AS share_green,
       any_value(o.open_issues) AS open_issues,
       -- from the domain rows (int_indicator_quarter.is_closed); a quarter without any is taken as closed
       coalesce(bool_and(d.is_closed), true) AS is_closed,
       current_timestamp AS evaluated_at
FROM quarter q
LEFT JOIN domains d USING (quarter_code)
CROSS JOIN open_issues o
GROUP BY q.quarter_code, q.year, q.quarter;

CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT quarter_code AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_overall_quarter WHERE quarter_code = ${quarter};

UPDATE mart_overall_quarter m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.quarter_code = ${quarter} AND (m.quarter_code) = p.row_key;
