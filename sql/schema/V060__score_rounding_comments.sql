-- V060: the score columns' comments say how they are rounded (the data dictionary shows them).
-- Domain and overall scores are exact means of the two-decimal scores, rounded half up
-- (sql/marts/mart_domain_quarter.sql, mart_overall_quarter.sql); no data changes.
COMMENT ON COLUMN mart_indicator_quarter.score IS '指标得分 = 100 × min(c, 1)，四舍五入保留两位小数；灰灯无得分';
COMMENT ON COLUMN mart_domain_quarter.domain_score IS '领域得分：参与评分指标得分的加权平均（省定核心指标权重见配置，默认 2），按精确值四舍五入保留两位小数';
COMMENT ON COLUMN mart_overall_quarter.overall_score IS '总体得分：各领域得分的简单平均，按精确值四舍五入保留两位小数';
COMMENT ON COLUMN mart_annual_evaluation.overall_score IS '年度总体得分：各领域得分的简单平均，按精确值四舍五入保留两位小数';
