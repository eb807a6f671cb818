-- mart_bureau_quarter (责任单位): bureau x ${quarter}.
-- Expectation follows the bureau's indicators (docs/evaluation-method.md §7): a responsible bureau
-- (dim_bureau.is_responsible_unit) with any quarterly headline or task indicator submits every quarter;
-- one whose indicators are all annual submits once a year, in the quarter that receives annual figures
-- (${annual_submission_offset} = 0: the same year's Q4, 1: the next year's Q1), and its yearly file
-- counts for that quarter. A submission is a spreadsheet file loaded (perhaps with rejected rows) for the bureau
-- and the period (a refused file names its bureau but is no submission); it is on time when received by the end of the
-- deadline day, the ${deadline_days}th day after the quarter ends. The rejected share counts the
-- rows of those files: rejected / (loaded + rejected).
-- evaluated_at keeps its time on a row whose content did not change (the UPDATE at the end).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT bureau_code AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_bureau_quarter WHERE quarter_code = ${quarter};

DELETE FROM mart_bureau_quarter WHERE quarter_code = ${quarter};

INSERT INTO mart_bureau_quarter BY NAME
WITH evaluation_quarter AS (
    SELECT period_code AS quarter_code, end_date + ${deadline_days} AS submission_deadline,
           end_date < CAST(${today} AS DATE) AS is_closed,
           -- the year whose annual figures this quarter receives (NULL: not the annual quarter)
           CASE WHEN ${annual_submission_offset} = 1 AND quarter = 1 THEN year - 1
                WHEN ${annual_submission_offset} = 0 AND quarter = 4 THEN year END AS annual_year
    FROM dim_period WHERE period_code = ${quarter}
),
evaluated AS (
    SELECT * FROM int_indicator_quarter WHERE quarter_code = ${quarter}
),
bureaus AS (
    SELECT b.bureau_code, b.short_name AS bureau_name,
           NOT EXISTS (SELECT 1 FROM evaluated e WHERE e.bureau_code = b.bureau_code AND e.frequency = 'quarterly')
               AS annual_only
    FROM dim_bureau b
    WHERE b.is_responsible_unit AND b.bureau_code IN (SELECT bureau_code FROM evaluated)
),
-- the periods whose files count for the quarter: the quarter; for an annual-only bureau its annual year
bureau_periods AS (
    SELECT b.bureau_code, b.annual_only,
           CASE WHEN NOT b.annual_only THEN q.quarter_code
                WHEN q.annual_year IS NOT NULL THEN CAST(q.annual_year AS VARCHAR) END AS period_code
    FROM bureaus b CROSS JOIN evaluation_quarter q
),
lights AS (
    SELECT bureau_code,
           count(*) AS indicators,
           count(*) FILTER (WHERE light = 'green') AS green,
           count(*) FILTER (WHERE light = 'yellow') AS yellow,
           count(*) FILTER (WHERE light = 'red') AS red,
           count(*) FILTER (WHERE light = 'grey') AS grey
    FROM evaluated GROUP BY bureau_code
),
issues AS (
    SELECT bureau_code, count(*) AS open_issues
    FROM mart_issue WHERE as_of_quarter = ${quarter} AND status = 'open' GROUP BY bureau_code
),
submissions AS (
    SELECT f.bureau_code,
           count(*) AS submissions_received,
           count(*) FILTER (WHERE f.received_at < CAST(q.submission_deadline + 1 AS TIMESTAMP)) AS submissions_on_time,
           count(*) FILTER (WHERE f.received_at >= CAST(q.submission_deadline + 1 AS TIMESTAMP)) AS submissions_late,
           min(f.received_at) AS first_received_at,
           sum(f.rows_loaded + f.rows_rejected) AS rows_submitted,
           sum(f.rows_rejected) AS rows_rejected
    FROM etl_file f
    JOIN bureau_periods bp ON bp.bureau_code = f.bureau_code AND f.period_code = bp.period_code
    CROSS JOIN evaluation_quarter q
    WHERE f.source_kind = 'spreadsheet' AND f.status LIKE 'loaded%' AND f.bureau_code IS NOT NULL
    GROUP BY f.bureau_code
),
-- 核实性 findings on the bureau's current figures with a data period up to the quarter (an annual
-- figure '2025' sorts before '2025Q1'): still 待核实, or 已说明. A corrected revision drops its findings.
verification AS (
    SELECT r.bureau_code,
           count(*) FILTER (WHERE r.review_state = '待核实') AS verify_pending,
           count(*) FILTER (WHERE r.review_state = '已说明') AS verify_explained
    FROM fct_rule_result r
    JOIN fct_indicator_value f ON f.is_current AND f.indicator_code = r.indicator_code AND f.town_code = r.town_code
                              AND f.period_code = r.period_code AND f.source_kind = r.source_kind
                              AND f.value IS NOT DISTINCT FROM r.value
    WHERE r.review_state IS NOT NULL AND r.period_code <= ${quarter}
    GROUP BY r.bureau_code
)
SELECT q.quarter_code, b.bureau_code, b.bureau_name,
       coalesce(l.indicators, 0) AS indicators, coalesce(l.green, 0) AS green, coalesce(l.yellow, 0) AS yellow,
       coalesce(l.red, 0) AS red, coalesce(l.grey, 0) AS grey,
       coalesce(i.open_issues, 0) AS open_issues,
       CASE WHEN bp.period_code IS NULL THEN 0 ELSE 1 END AS submissions_expected,
       b.annual_only,
       bp.period_code AS submission_periods,
       coalesce(s.submissions_received, 0) AS submissions_received,
       coalesce(s.submissions_on_time, 0) AS submissions_on_time,
       coalesce(s.submissions_late, 0) AS submissions_late,
       q.submission_deadline,
       s.first_received_at,
       coalesce(s.rows_submitted, 0) AS rows_submitted,
       coalesce(s.rows_rejected, 0) AS rows_rejected,
       CAST(s.rows_rejected AS DOUBLE) / nullif(s.rows_submitted, 0) AS rejected_share,
       coalesce(v.verify_pending, 0) AS verify_pending,
       coalesce(v.verify_explained, 0) AS verify_explained,
       q.is_closed,
       current_timestamp AS evaluated_at
FROM bureaus b
CROSS JOIN evaluation_quarter q
JOIN bureau_periods bp USING (bureau_code)
LEFT JOIN lights l USING (bureau_code)
LEFT JOIN issues i USING (bureau_code)
LEFT JOIN submissions s USING (bureau_code)
LEFT JOIN verification v USING (bureau_code);

CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT bureau_code AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_bureau_quarter WHERE quarter_code = ${quarter};

UPDATE mart_bureau_quarter m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.quarter_code = ${quarter} AND (m.bureau_code) = p.row_key;
