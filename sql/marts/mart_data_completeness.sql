-- mart_data_completeness (数据完整性, the 催报 list): what is owed for ${quarter}, one row per figure of
-- int_figures_owed (the rule of int_expected_period: a quarterly indicator's value for the quarter; an
-- annual indicator's value for y-1 or later once quarter 2 of year y has closed, y-2 or later before).
-- Headline, task and context indicators (the context ones are the denominators of rates).
DELETE FROM mart_data_completeness WHERE quarter_code = ${quarter};

INSERT INTO mart_data_completeness BY NAME
WITH owed AS (
    SELECT * FROM int_figures_owed
),
evaluation_quarter AS (
    SELECT end_date < CAST(${today} AS DATE) AS is_closed FROM dim_period WHERE period_code = ${quarter}
)
SELECT ${quarter} AS quarter_code, o.indicator_code, o.indicator_name, o.bureau_code, o.bureau_name,
       o.town_code, o.town_name, o.expected_period, o.latest_period,
       '请' || o.bureau_name || '报送' || o.town_name || '“' || o.indicator_name || '”' || o.expected_period || '数据'
           || CASE WHEN o.latest_period IS NULL THEN '（尚无任何数据）' ELSE '（最近数据期：' || o.latest_period || '）' END
           AS message_zh,
       q.is_closed,
       current_timestamp AS evaluated_at
FROM owed o
CROSS JOIN evaluation_quarter q;
