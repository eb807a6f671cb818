-- mart_issue (问题整改清单): the closed loop as of ${quarter}, per docs/evaluation-method.md §6.
-- Computed from the lights of every quarter up to ${quarter}, so it is a pure function of the data:
-- rerunning any quarter gives the same issues with the same ids, never duplicates.
--   A run is a maximal sequence of quarters whose light is not green (grey keeps an issue open).
--   Within a run the issue opens at the first quarter that is red, or yellow after a yellow quarter;
--   it closes at the green quarter that ends the run. A later run opens a new issue (reopened:
--   previous_issue_id points to the earlier one). Issue id = indicator code + opening quarter.
--   An annual indicator counts its years, not the quarters that show the same yearly value again (§6):
--   it opens on a red year, or at the first quarter showing a yellow year whose previous year (data
--   year - 1) was yellow too; a value repeated in later quarters never opens an issue by repetition.
-- evaluated_at keeps its time on a row whose content did not change (the UPDATE at the end).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT issue_id AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_issue WHERE as_of_quarter = ${quarter};

DELETE FROM mart_issue WHERE as_of_quarter = ${quarter};

INSERT INTO mart_issue BY NAME
WITH lights AS (
    SELECT indicator_code, quarter_code, quarter_index, light, frequency, data_period
    FROM int_indicator_quarter
),
-- the light of each yearly value of an annual indicator (as last shown)
year_lights AS (
    SELECT indicator_code, TRY_CAST(data_period AS INTEGER) AS data_year, arg_max(light, quarter_index) AS year_light
    FROM lights
    WHERE frequency = 'annual' AND data_period IS NOT NULL
    GROUP BY indicator_code, data_period
),
as_of AS (
    SELECT * FROM int_indicator_quarter WHERE quarter_code = ${quarter}
),
runs AS (
    SELECT *,
           lag(light) OVER by_quarter AS previous_light,
           lag(data_period) OVER by_quarter AS previous_data_period,
           count(*) FILTER (WHERE light = 'green') OVER (PARTITION BY indicator_code ORDER BY quarter_index
                                                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS greens_so_far
    FROM lights
    WINDOW by_quarter AS (PARTITION BY indicator_code ORDER BY quarter_index)
),
triggers AS (
    SELECT r.*,
           CASE WHEN r.frequency = 'annual'
                THEN r.light = 'red'
                     OR (r.light = 'yellow' AND r.data_period IS DISTINCT FROM r.previous_data_period
                         AND y.year_light = 'yellow')
                ELSE r.light = 'red' OR (r.light = 'yellow' AND r.previous_light = 'yellow') END AS opens
    FROM runs r
    LEFT JOIN year_lights y ON y.indicator_code = r.indicator_code AND y.data_year = TRY_CAST(r.data_period AS INTEGER) - 1
    WHERE r.light <> 'green'
),
opened AS (
    SELECT indicator_code, greens_so_far AS run_no,
           min(quarter_index) FILTER (WHERE opens) AS opened_index,
           arg_min(quarter_code, quarter_index) FILTER (WHERE opens) AS opened_quarter,
           arg_min(light, quarter_index) FILTER (WHERE opens) AS opened_light,
           any_value(frequency) AS frequency
    FROM triggers
    GROUP BY indicator_code, greens_so_far
    HAVING count(*) FILTER (WHERE opens) > 0
),
closing AS (
    SELECT indicator_code, greens_so_far - 1 AS run_no, quarter_index AS closed_index, quarter_code AS closed_quarter
    FROM runs
    WHERE light = 'green'
),
issues AS (
    SELECT o.*, c.closed_index, c.closed_quarter,
           o.indicator_code || '-' || o.opened_quarter AS issue_id,
           lag(o.indicator_code || '-' || o.opened_quarter) OVER (PARTITION BY o.indicator_code ORDER BY o.opened_index)
               AS previous_issue_id
    FROM opened o
    LEFT JOIN closing c USING (indicator_code, run_no)
)
SELECT ${quarter} AS as_of_quarter, i.issue_id, i.indicator_code, a.indicator_name, a.domain_name,
       a.bureau_code, a.bureau_name, i.opened_quarter,
       CASE WHEN i.opened_light = 'red' THEN '红灯' WHEN i.frequency = 'annual' THEN '连续两年黄灯'
            ELSE '连续两个季度黄灯' END AS opened_reason,
       CASE WHEN i.closed_quarter IS NULL THEN 'open' ELSE 'closed' END AS status,
       CASE WHEN i.closed_quarter IS NULL THEN '整改中' ELSE '已销号' END AS status_zh,
       i.closed_quarter,
       coalesce(i.closed_index, a.quarter_index + 1) - i.opened_index AS quarters_open,
       a.light AS current_light,
       i.opened_quarter = ${quarter} AS is_new,
       i.previous_issue_id,
       a.is_closed,
       current_timestamp AS evaluated_at
FROM issues i
JOIN as_of a USING (indicator_code);

CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT issue_id AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_issue WHERE as_of_quarter = ${quarter};

UPDATE mart_issue m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.as_of_quarter = ${quarter} AND (m.issue_id) = p.row_key;
