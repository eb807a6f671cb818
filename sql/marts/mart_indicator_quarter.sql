-- mart_indicator_quarter (季度调度): indicator x quarter for ${quarter}, replaced as a whole.
-- Reads int_indicator_quarter (built by int_indicator_quarter.sql in the same run).
-- Beside each row, the meeting's version of it (§8, the latest frozen version of the quarter, if any): whether
-- the row differs (light, score, value, or the fact judged) and what changed, in Chinese.
-- evaluated_at keeps its time on a row whose content did not change (keep_evaluated_at below).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT indicator_code AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_indicator_quarter WHERE quarter_code = ${quarter};

DELETE FROM mart_indicator_quarter WHERE quarter_code = ${quarter};

INSERT INTO mart_indicator_quarter BY NAME
WITH evaluated AS (
    SELECT * FROM int_indicator_quarter WHERE quarter_code = ${quarter}
),
meeting AS (
    SELECT r.row_key AS indicator_code, r.version_no AS meeting_version,
           r.row_json ->> 'light' AS meeting_light, r.row_json ->> 'light_zh' AS meeting_light_zh,
           TRY_CAST(r.row_json ->> 'score' AS DOUBLE) AS meeting_score,
           TRY_CAST(r.row_json ->> 'value' AS DOUBLE) AS meeting_value,
           TRY_CAST(r.row_json ->> 'fact_id' AS BIGINT) AS meeting_fact_id,
           TRY_CAST(r.row_json ->> 'fact_revision' AS INTEGER) AS meeting_fact_revision
    FROM mart_meeting_row r
    WHERE r.quarter_code = ${quarter} AND r.mart = 'mart_indicator_quarter'
      AND r.version_no = (SELECT max(version_no) FROM mart_meeting_version WHERE quarter_code = ${quarter})
),
compared AS (
    SELECT e.*, m.meeting_version, m.meeting_light, m.meeting_light_zh, m.meeting_score, m.meeting_value,
           m.meeting_fact_id, m.meeting_fact_revision,
           m.meeting_version IS NOT NULL AND (m.meeting_light IS DISTINCT FROM e.light
               OR m.meeting_score IS DISTINCT FROM e.score OR m.meeting_value IS DISTINCT FROM e.value
               OR m.meeting_fact_id IS DISTINCT FROM e.fact_id) AS differs_from_meeting
    FROM evaluated e
    LEFT JOIN meeting m USING (indicator_code)
)
SELECT quarter_code, year, quarter, indicator_code, indicator_name, kind, plan_mark,
       domain_code, domain_name, bureau_code, bureau_name, unit, direction, frequency,
       is_core, is_observation,
       data_period, value, value_basis, expected_period, is_stale, towns_reported, towns_expected,
       baseline_text, baseline_value, target_year, target_text, target_value, is_bound,
       schedule_target, deviation, completion_rate, score, light, light_zh, grey_reason,
       plan_progress, previous_quarter_value, qoq_change, previous_year_value, yoy_change,
       is_closed,
       fact_id, fact_source_kind, fact_revision, fact_file, fact_location,
       meeting_version, differs_from_meeting, meeting_light, meeting_score, meeting_value, meeting_fact_revision,
       CASE WHEN differs_from_meeting THEN concat_ws('；',
                CASE WHEN meeting_light IS DISTINCT FROM light
                     THEN '亮灯 ' || coalesce(meeting_light_zh, '无') || '→' || light_zh END,
                CASE WHEN meeting_score IS DISTINCT FROM score
                     THEN '得分 ' || coalesce(CAST(meeting_score AS VARCHAR), '无') || '→' || coalesce(CAST(score AS VARCHAR), '无') END,
                CASE WHEN meeting_value IS DISTINCT FROM value
                     THEN '数值 ' || coalesce(CAST(meeting_value AS VARCHAR), '无') || '→' || coalesce(CAST(value AS VARCHAR), '无') END,
                CASE WHEN meeting_fact_id IS DISTINCT FROM fact_id
                     THEN '数据' || CASE WHEN fact_revision IS NOT NULL THEN '第 ' || fact_revision || ' 版' ELSE '' END
                          || coalesce('（' || fact_file || coalesce(' ' || fact_location, '') || '）', '')
                          || CASE WHEN meeting_fact_revision IS NOT NULL THEN '，会议时为第 ' || meeting_fact_revision || ' 版' ELSE '' END
                END) END AS change_zh,
       current_timestamp AS evaluated_at
FROM compared;

-- keep_evaluated_at: a row whose content is what it was keeps the time it was last computed differently
CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT indicator_code AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_indicator_quarter WHERE quarter_code = ${quarter};

UPDATE mart_indicator_quarter m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.quarter_code = ${quarter} AND m.indicator_code = p.row_key;
