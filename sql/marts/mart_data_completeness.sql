-- mart_data_completeness (数据完整性, the 催报 list): what is missing for ${quarter}.
-- Expected: a quarterly indicator's value for the quarter; an annual indicator's value for year
-- y-1 once quarter 2 of year y has closed (the stale rule). Indicators reported by town are expected
-- for every town (the city value can then be built); the others for the city (330681).
-- Headline, task and context indicators (the context ones are the denominators of rates).
DELETE FROM mart_data_completeness WHERE quarter_code = ${quarter};

INSERT INTO mart_data_completeness BY NAME
WITH evaluation_quarter AS (
    SELECT period_code AS quarter_code, year, quarter, year * 4 + quarter AS quarter_index
    FROM dim_period WHERE period_code = ${quarter}
),
indicators AS (
    SELECT i.* FROM int_indicator_attribute i, evaluation_quarter q
    WHERE q.year BETWEEN i.valid_from_year AND i.valid_to_year
),
expected_periods AS (
    SELECT i.indicator_code, i.indicator_name, i.bureau_code, i.bureau_name, i.by_town, i.frequency,
           CASE WHEN i.frequency = 'quarterly' THEN q.quarter_code
                WHEN q.quarter >= 2 THEN CAST(q.year - 1 AS VARCHAR) END AS expected_period
    FROM indicators i CROSS JOIN evaluation_quarter q
),
places AS (
    SELECT town_code, town_name, level, sort_order FROM dim_town
),
expected AS (
    SELECT e.*, p.town_code, p.town_name, p.sort_order
    FROM expected_periods e
    JOIN places p ON (e.by_town AND p.level = 'town') OR (NOT e.by_town AND p.level = 'city')
    WHERE e.expected_period IS NOT NULL
),
values_by_place AS (
    SELECT v.indicator_code, v.town_code, v.period_code, p.period_type, p.year * 4 + coalesce(p.quarter, 4) AS period_index
    FROM int_indicator_value_effective v JOIN dim_period p USING (period_code)
),
latest AS (
    SELECT e.indicator_code, e.town_code, max(v.period_index) AS latest_index,
           arg_max(v.period_code, v.period_index) AS latest_period
    FROM expected e
    JOIN values_by_place v
      ON v.indicator_code = e.indicator_code AND v.town_code = e.town_code
     AND v.period_type = CASE e.frequency WHEN 'quarterly' THEN 'quarter' ELSE 'year' END
    CROSS JOIN evaluation_quarter q
    WHERE v.period_index <= q.quarter_index
    GROUP BY e.indicator_code, e.town_code
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
),
missing AS (
    SELECT e.*
    FROM expected e
    WHERE NOT EXISTS (SELECT 1 FROM values_by_place v
                      WHERE v.indicator_code = e.indicator_code AND v.town_code = e.town_code
                        AND v.period_code = e.expected_period)
)
SELECT ${quarter} AS quarter_code, m.indicator_code, m.indicator_name, m.bureau_code, m.bureau_name,
       m.town_code, m.town_name, m.expected_period, l.latest_period,
       '请' || m.bureau_name || '报送' || m.town_name || '“' || m.indicator_name || '”' || m.expected_period || '数据'
           || CASE WHEN l.latest_period IS NULL THEN '（尚无任何数据）' ELSE '（最近数据期：' || l.latest_period || '）' END
           || coalesce('；已收到但未能读取的文件：' || (SELECT string_agg(r.refused, '；') FROM refused_files r
                                                     WHERE r.bureau_code = m.bureau_code
                                                       AND (r.period_code = m.expected_period OR r.period_code IS NULL)), '')
           AS message_zh,
       current_timestamp AS evaluated_at
FROM missing m
LEFT JOIN latest l USING (indicator_code, town_code);
