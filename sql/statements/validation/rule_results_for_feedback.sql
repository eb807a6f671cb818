-- A file's rule results for the bureau's feedback workbook (反馈表), grouped by tier: 强制性 (rejected,
-- must be fixed), 核实性 (loaded, 待核实 until explained), 提示性 (for information). The 情况说明 column
-- holds the explanation already given, empty where the bureau should fill one in (an explanation
-- file in the same columns: 规则编号, 指标, 镇街, 期别, 情况说明).
WITH results AS (
    SELECT * FROM fct_rule_result WHERE file_id = ${file_id}
),

rejected AS (
    SELECT DISTINCT indicator_code, town_code, period_code, source_kind
    FROM results
    WHERE tier = '强制性'
)
SELECT r.tier                                        AS 层级,
       r.rule_id                                     AS 规则编号,
       coalesce(r.location, r.sheet_name || ' 第' || r.row_number || '行') AS 位置,
       r.indicator_code                              AS 指标,
       coalesce(t.town_name, r.town_code)            AS 镇街,
       r.period_code                                 AS 期别,
       r.raw_text                                    AS 报送值,
       r.compared_value                              AS 比较值,
       r.message_zh                                  AS 提示信息,
       CASE WHEN x.indicator_code IS NOT NULL THEN '已退回，请更正后重报'
            ELSE coalesce(r.review_state, '仅提示') END AS 状态,
       r.explanation                                 AS 情况说明
FROM results r
LEFT JOIN dim_town t USING (town_code)
LEFT JOIN rejected x ON x.indicator_code = r.indicator_code AND x.town_code = r.town_code
                    AND x.period_code = r.period_code AND x.source_kind IS NOT DISTINCT FROM r.source_kind
ORDER BY CASE r.tier WHEN '强制性' THEN 1 WHEN '核实性' THEN 2 ELSE 3 END, r.row_number, r.location, r.rule_id
