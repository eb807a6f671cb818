-- severity: warn
-- description: 主要指标数据不滞后（季度指标有本季度数据，年度指标第二季度后有上年数据）
SELECT quarter_code, indicator_code, indicator_name, data_period, bureau_name
FROM mart_indicator_quarter
WHERE quarter_code = ${quarter} AND kind = 'headline' AND is_stale
