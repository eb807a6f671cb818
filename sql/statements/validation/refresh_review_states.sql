-- Sets the review state of current facts from their 核实性 results (file ${file_id}; NULL = all files):
-- a fact is 待核实 while any of its results is, 已说明 once all are explained (the explanations,
-- their sources and the latest time kept with it). A result applies to the current fact of its key
-- and source only while that fact still holds the judged figure: a later revision starts afresh.
-- When several files judged the same figure, the latest file's results decide.
WITH results AS (
    SELECT * FROM fct_rule_result
    WHERE review_state IS NOT NULL
      AND (${file_id} IS NULL OR file_id = ${file_id})
),

judged AS (
    SELECT r.*, f.value_id,
           max(r.file_id) OVER (PARTITION BY f.value_id) AS latest_file_id
    FROM results r
    JOIN fct_indicator_value f ON f.is_current AND f.indicator_code = r.indicator_code AND f.town_code = r.town_code
                              AND f.period_code = r.period_code AND f.source_kind = r.source_kind
                              AND f.value IS NOT DISTINCT FROM r.value
),

per_fact AS (
    SELECT value_id,
           CASE WHEN bool_or(review_state = '待核实') THEN '待核实' ELSE '已说明' END AS review_state,
           string_agg(DISTINCT explanation, '；') AS review_note,
           string_agg(DISTINCT explanation_source, '；') AS review_source,
           max(explained_at) AS reviewed_at
    FROM judged
    WHERE file_id = latest_file_id
    GROUP BY value_id
)

UPDATE fct_indicator_value f
SET review_state = p.review_state,
    review_note = CASE WHEN p.review_state = '已说明' THEN p.review_note END,
    review_source = CASE WHEN p.review_state = '已说明' THEN p.review_source END,
    reviewed_at = CASE WHEN p.review_state = '已说明' THEN p.reviewed_at END
FROM per_fact p
WHERE f.value_id = p.value_id;
