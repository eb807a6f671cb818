-- V080: evaluation method v2 (docs/evaluation-method.md §1, §2, §4, §5, §7).
-- A bound (>70, <9) includes its number, so "strict" becomes "bound"; every quarter-keyed mart row says
-- whether its quarter has closed; the yearly evaluation is provisional (初评) or final (终评); the
-- indicator row says which period was owed and how many towns reported; bureaus are expected by frequency.
ALTER TABLE mart_indicator_quarter RENAME COLUMN is_strict TO is_bound;
COMMENT ON COLUMN mart_indicator_quarter.is_bound IS '是否界限目标（>70 即 70以上、<9 即 9以下，均含本数）：不按序时直线推进，各季度均为该值';
ALTER TABLE mart_indicator_quarter ADD COLUMN expected_period VARCHAR;
COMMENT ON COLUMN mart_indicator_quarter.expected_period IS '应有数据期：季度指标为本季度；年度指标第二季度结束后为上年，之前为前年（早于或等于该期的数值即为滞后）';
ALTER TABLE mart_indicator_quarter ADD COLUMN towns_reported INTEGER;
COMMENT ON COLUMN mart_indicator_quarter.towns_reported IS '分镇街报送的指标：数据期内报送数值的镇街数';
ALTER TABLE mart_indicator_quarter ADD COLUMN towns_expected INTEGER;
COMMENT ON COLUMN mart_indicator_quarter.towns_expected IS '分镇街报送的指标：应报镇街数（全部镇街报送才能汇总全市值）';
ALTER TABLE mart_indicator_quarter ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_indicator_quarter.is_closed IS '该季度是否已结束：false 为进行中的季度（未结束），仅供了解进展，不是正式评价';
COMMENT ON COLUMN mart_indicator_quarter.is_stale IS '数据滞后：季度指标本季度无数据；年度指标第二季度结束后无上年或更新数据（此前无前年或更新数据）';
COMMENT ON COLUMN mart_indicator_quarter.score IS '指标得分 = 100 × min(c, 1)，按精确值四舍五入保留两位小数；灰灯无得分';

ALTER TABLE mart_domain_quarter ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_domain_quarter.is_closed IS '该季度是否已结束：false 为进行中的季度（未结束）';
ALTER TABLE mart_overall_quarter ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_overall_quarter.is_closed IS '该季度是否已结束：false 为进行中的季度（未结束）';
ALTER TABLE mart_issue ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_issue.is_closed IS '截至季度是否已结束：false 为进行中的季度（未结束）';
ALTER TABLE mart_town_comparison ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_town_comparison.is_closed IS '该季度是否已结束：false 为进行中的季度（未结束）';
ALTER TABLE mart_town_comparison ADD COLUMN towns_expected INTEGER;
COMMENT ON COLUMN mart_town_comparison.towns_expected IS '应报镇街数；报送镇街数少于此数时不汇总全市值';
COMMENT ON COLUMN mart_town_comparison.towns_in_city_value IS '数据期内报送数值的镇街数';
COMMENT ON COLUMN mart_town_comparison.city_value_built IS '由全部镇街按汇总规则计算的全市值（有镇街缺报或被退回时为空）';
COMMENT ON COLUMN mart_town_comparison.reported_minus_built IS '部门报送全市值 − 由全部镇街计算的全市值（有镇街缺报时为空）';
ALTER TABLE mart_bureau_quarter ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_bureau_quarter.is_closed IS '该季度是否已结束：false 为进行中的季度（未结束）';
ALTER TABLE mart_bureau_quarter ADD COLUMN annual_only BOOLEAN DEFAULT false;
COMMENT ON COLUMN mart_bureau_quarter.annual_only IS '是否所有指标均为年度指标（每年报送一次，在接收年度数据的季度计为应报）';
ALTER TABLE mart_bureau_quarter ADD COLUMN submission_periods VARCHAR;
COMMENT ON COLUMN mart_bureau_quarter.submission_periods IS '本季度计入的报送期别（季度报表为本季度；年度报表为其年度）';
COMMENT ON COLUMN mart_bureau_quarter.submissions_expected IS '本季度应报次数：有季度指标的单位每季度 1 次；全部为年度指标的单位仅在接收年度数据的季度 1 次，其余季度 0 次';
ALTER TABLE mart_data_completeness ADD COLUMN is_closed BOOLEAN DEFAULT true;
COMMENT ON COLUMN mart_data_completeness.is_closed IS '该季度是否已结束：false 为进行中的季度（未结束）';

ALTER TABLE mart_annual_evaluation ADD COLUMN evaluation_status VARCHAR DEFAULT 'final';
COMMENT ON COLUMN mart_annual_evaluation.evaluation_status IS '评价状态：provisional 初评（尚有年度指标缺当年数据，且次年第二季度未结束）/ final 终评（此后不再改变）';
ALTER TABLE mart_annual_evaluation ADD COLUMN evaluation_status_zh VARCHAR DEFAULT '终评';
COMMENT ON COLUMN mart_annual_evaluation.evaluation_status_zh IS '评价状态（中文）：初评 / 终评';
ALTER TABLE mart_annual_evaluation ADD COLUMN annual_values_missing INTEGER DEFAULT 0;
COMMENT ON COLUMN mart_annual_evaluation.annual_values_missing IS '评价时尚缺当年数据的年度指标数';
COMMENT ON TABLE mart_annual_evaluation IS '年度总体评价：每年一行，即该年第四季度的评价；仅在第四季度结束后生成，先初评后终评，终评后保持不变';
COMMENT ON COLUMN mart_issue.opened_reason IS '发现原因：红灯 / 连续两个季度黄灯 / 连续两年黄灯（年度指标按年度计）';
