-- mart_data_completeness (数据完整性, the 催报 list): what is owed for ${quarter}, one row per figure of
-- int_figures_owed (the rule of int_expected_period: a quarterly indicator's value for the quarter; an
-- annual indicator's value for y-1 or later once quarter 2 of year y has closed, y-2 or later before).
-- Headline, task and context indicators (the context ones are the denominators of rates).
-- evaluated_at keeps its time on a row whose content did not change (the UPDATE at the end).
CREATE OR REPLACE TEMP TABLE tmp_previous_rows AS
SELECT indicator_code || '|' || town_code || '|' || expected_period AS row_key, evaluated_at, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_data_completeness WHERE quarter_code = ${quarter};

DELETE FROM mart_data_completeness WHERE quarter_code = ${quarter};

INSERT INTO mart_data_completeness BY NAME
WITH owed AS (
    SELECT * FROM int_figures_owed
),
evaluation_quarter AS (
    SELECT end_date < CAST(${today} AS DATE) AS is_closed FROM dim_period WHERE period_code = ${quarter}
),
-- files with figures the bureau sent that could not be read (refused: a PDF, an encrypted workbook, ...;
-- not its 情况说明 files), for the period or with no period in their name: the 催报 line says so, so the
-- bureau knows what to send again
refused_files AS (
    SELECT bureau_code, period_code,
           string_agg(DISTINCT file_name || '：' || message, '；' ORDER BY file_name || '：' || message) AS refused
    FROM etl_file
    WHERE bureau_code IS NOT NULL AND status NOT LIKE 'loaded%' AND status <> 'processing' AND source_kind <> 'explanation'
    GROUP BY bureau_code, period_code
)
SELECT ${quarter} AS quarter_code, o.indicator_code, o.indicator_name, o.bureau_code, o.bureau_name,
       o.town_code, o.town_name, o.expected_period, o.latest_period,
       -- periods in words (2026年第三季度), as the 催报 message is read by people
       '请' || o.bureau_name || '报送' || o.town_name || '“' || o.indicator_name || '”'
           || coalesce((SELECT p.label_zh FROM dim_period p WHERE p.period_code = o.expected_period), o.expected_period) || '数据'
           || CASE WHEN o.latest_period IS NULL THEN '（尚无任何数据）'
                   ELSE '（最近数据期：' || coalesce((SELECT p.label_zh FROM dim_period p WHERE p.period_code = o.latest_period),
                                                   o.latest_period) || '）' END
           || coalesce('；已收到但未能读取的文件：' || (SELECT string_agg(r.refused, '；') FROM refused_files r
                                                     WHERE r.bureau_code = o.bureau_code
                                                       AND (r.period_code = o.expected_period OR r.period_code IS NULL)), '')
           AS message_zh,
       q.is_closed,
       current_timestamp AS evaluated_at
FROM owed o
CROSS JOIN evaluation_quarter q;

CREATE OR REPLACE TEMP TABLE tmp_new_rows AS
SELECT indicator_code || '|' || town_code || '|' || expected_period AS row_key, hash(*COLUMNS(* EXCLUDE (evaluated_at))) AS row_hash
FROM mart_data_completeness WHERE quarter_code = ${quarter};

UPDATE mart_data_completeness m SET evaluated_at = p.evaluated_at
FROM tmp_previous_rows p JOIN tmp_new_rows n USING (row_key, row_hash)
WHERE m.quarter_code = ${quarter} AND (m.indicator_code || '|' || m.town_code || '|' || m.expected_period) = p.row_key;
