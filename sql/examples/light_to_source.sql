-- Lineage to the cell: the fact behind each light of the last closed quarter (file, sheet!cell or line, revision).
-- 数据溯源：最近一个已结束季度每个亮灯所依据的数据——数据编号、来源类别（部门报表/平台/推算/镇街汇总）、修订版本、文件和单元格或行；
-- 由镇街汇总的全市值列出各镇街的数据来源。完整的追溯链（修订记录、审核规则、情况说明）用 jobs/run trace <指标> <季度> [镇街]。
-- Lineage to the cell (docs/analyst-views.md): the fact behind each light of the last closed quarter, and for a
-- city value built from the towns, the towns' facts (mart_town_comparison carries the same source columns).
WITH last_closed AS (
    SELECT max(quarter_code) AS quarter_code FROM mart_overall_quarter WHERE is_closed
)
SELECT m.quarter_code          AS 季度,
       m.indicator_code        AS 编码,
       m.indicator_name        AS 指标,
       m.light_zh              AS 亮灯,
       m.data_period           AS 数据期,
       m.value                 AS 指标值,
       m.fact_source_kind      AS 来源类别,
       m.fact_id               AS 数据编号,
       m.fact_revision         AS 修订版本,
       m.fact_file             AS 来源文件,
       m.fact_location         AS 位置,
       t.town_name             AS 镇街,
       t.fact_file             AS 镇街来源文件,
       t.fact_location         AS 镇街位置
FROM mart_indicator_quarter m
JOIN last_closed l USING (quarter_code)
LEFT JOIN mart_town_comparison t
       ON m.fact_source_kind = 'built' AND t.quarter_code = m.quarter_code AND t.indicator_code = m.indicator_code
WHERE m.value IS NOT NULL
ORDER BY m.indicator_code, t.town_sort_order;
