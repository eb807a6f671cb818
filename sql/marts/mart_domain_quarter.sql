-- mart_domain_quarter (分领域评价): domain x quarter for ${quarter}.
-- Domain score = weighted mean of the scores of the domain's scored indicators (headline and task),
-- weight ${core_weight} for a * core indicator, 1 otherwise; plus the count of indicators by light.
-- Exact arithmetic: the two-decimal scores are summed as DECIMAL, because a sum of doubles depends on
-- the order DuckDB happens to read the rows in (97.645 or 97.644999..., which round apart); the
-- quotient goes through DECIMAL(18, 9) so that round() rounds the exact value half up.
-- evaluated_at keeps its time on a row whose content did not change (the UPDATE at the end).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT domain_code AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_domain_quarter WHERE quarter_code = ${quarter};

DELETE FROM mart_domain_quarter WHERE quarter_code = ${quarter};

INSERT INTO mart_domain_quarter BY NAME
WITH evaluated AS (
    SELECT * FROM int_indicator_quarter WHERE quarter_code = ${quarter} AND domain_code IS NOT NULL
),
domains AS (
    SELECT * FROM dim_domain
),
weighted AS (
    SELECT *, CASE WHEN is_core THEN ${core_weight} ELSE 1 END AS weight FROM evaluated
),
per_domain AS (
    SELECT domain_code,
           any_value(quarter_code) AS quarter_code, any_value(year) AS year, any_value(quarter) AS quarter,
           bool_and(is_closed) AS is_closed,
           count(*) AS indicators,
           count(score) AS scored_indicators,
           count(*) FILTER (WHERE light = 'green') AS green,
           count(*) FILTER (WHERE light = 'yellow') AS yellow,
           count(*) FILTER (WHERE light = 'red') AS red,
           count(*) FILTER (WHERE light = 'grey') AS grey,
           round(CAST(sum(CAST(score AS DECIMAL(5, 2)) * weight)
                      / nullif(sum(weight) FILTER (WHERE score IS NOT NULL), 0) AS DECIMAL(18, 9)), 2) AS domain_score
    FROM weighted
    GROUP BY domain_code
)
SELECT p.quarter_code, p.year, p.quarter, d.domain_code, d.domain_name, d.sort_order,
       p.indicators, p.scored_indicators, p.green, p.yellow, p.red, p.grey,
       CAST(p.green AS DOUBLE) / nullif(p.scored_indicators, 0) AS share_green,
       p.domain_score,
       p.is_closed,
       current_timestamp AS evaluated_at
FROM per_domain p
JOIN domains d USING (domain_code);

CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT domain_code AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_domain_quarter WHERE quarter_code = ${quarter};

UPDATE mart_domain_quarter m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.quarter_code = ${quarter} AND (m.domain_code) = p.row_key;
