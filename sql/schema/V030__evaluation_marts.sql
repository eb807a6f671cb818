-- V030: the evaluation marts (what people read) and the data-quality check results.
-- The marts are filled by evaluationJob from the SQL models under sql/marts/ (one file per mart);
-- every column carries a Chinese comment: the data dictionary is generated from these comments.
-- Quarter-keyed marts are replaced one quarter at a time, so rerunning a quarter never duplicates.

CREATE TABLE mart_indicator_quarter (
    quarter_code        VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    quarter             INTEGER NOT NULL,
    indicator_code      VARCHAR NOT NULL,
    indicator_name      VARCHAR NOT NULL,
    kind                VARCHAR NOT NULL,
    plan_mark           VARCHAR,
    domain_code         VARCHAR,
    domain_name         VARCHAR,
    bureau_code         VARCHAR NOT NULL,
    bureau_name         VARCHAR NOT NULL,
    unit                VARCHAR,
    direction           VARCHAR NOT NULL,
    frequency           VARCHAR NOT NULL,
    is_core             BOOLEAN NOT NULL,
    is_observation      BOOLEAN NOT NULL,
    data_period         VARCHAR,
    value               DOUBLE,
    value_basis         VARCHAR,
    is_stale            BOOLEAN NOT NULL,
    baseline_text       VARCHAR,
    baseline_value      DOUBLE,
    target_year         INTEGER,
    target_text         VARCHAR,
    target_value        DOUBLE,
    is_strict           BOOLEAN,
    schedule_target     DOUBLE,
    deviation           DOUBLE,
    completion_rate     DOUBLE,
    score               DOUBLE,
    light               VARCHAR NOT NULL,
    light_zh            VARCHAR NOT NULL,
    grey_reason         VARCHAR,
    plan_progress       DOUBLE,
    previous_quarter_value DOUBLE,
    qoq_change          DOUBLE,
    previous_year_value DOUBLE,
    yoy_change          DOUBLE,
    evaluated_at        TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter_code, indicator_code)
);
COMMENT ON TABLE mart_indicator_quarter IS '季度调度表：每个指标每季度一行，含数据期、时序进度目标、偏差、完成率、得分、亮灯、规划进度、环比和同比';
COMMENT ON COLUMN mart_indicator_quarter.quarter_code IS '评价季度（如 2026Q3）';
COMMENT ON COLUMN mart_indicator_quarter.year IS '评价年度';
COMMENT ON COLUMN mart_indicator_quarter.quarter IS '评价季度序号（1-4）';
COMMENT ON COLUMN mart_indicator_quarter.indicator_code IS '指标编码（H 主要指标，T 任务指标）';
COMMENT ON COLUMN mart_indicator_quarter.indicator_name IS '指标名称';
COMMENT ON COLUMN mart_indicator_quarter.kind IS '指标类别：headline 主要指标 / task 任务指标';
COMMENT ON COLUMN mart_indicator_quarter.plan_mark IS '规划表中的序号标记（* 省定核心指标，▲ 观察性指标）';
COMMENT ON COLUMN mart_indicator_quarter.domain_code IS '领域编码';
COMMENT ON COLUMN mart_indicator_quarter.domain_name IS '领域名称（七优享之一）';
COMMENT ON COLUMN mart_indicator_quarter.bureau_code IS '责任单位编码';
COMMENT ON COLUMN mart_indicator_quarter.bureau_name IS '责任单位';
COMMENT ON COLUMN mart_indicator_quarter.unit IS '计量单位';
COMMENT ON COLUMN mart_indicator_quarter.direction IS '指标方向：higher 越高越好 / lower 越低越好';
COMMENT ON COLUMN mart_indicator_quarter.frequency IS '报送频度：quarterly 季度 / annual 年度';
COMMENT ON COLUMN mart_indicator_quarter.is_core IS '是否省定核心指标（*），领域得分中权重加倍';
COMMENT ON COLUMN mart_indicator_quarter.is_observation IS '是否探索和观察性指标（▲），不评价';
COMMENT ON COLUMN mart_indicator_quarter.data_period IS '数据期：本季度所用数值对应的期别（季度如 2026Q3，年度如 2025）';
COMMENT ON COLUMN mart_indicator_quarter.value IS '全市指标值（当前修订版本；部门报送值优先）';
COMMENT ON COLUMN mart_indicator_quarter.value_basis IS '全市值来源：reported 部门报送全市值 / built 由各镇街按汇总规则计算';
COMMENT ON COLUMN mart_indicator_quarter.is_stale IS '数据滞后：季度指标本季度无数据，或年度指标在第二季度结束后仍无上年数据';
COMMENT ON COLUMN mart_indicator_quarter.baseline_text IS '2022年基础值（按规划原文）';
COMMENT ON COLUMN mart_indicator_quarter.baseline_value IS '2022年基础值（数值）';
COMMENT ON COLUMN mart_indicator_quarter.target_year IS '评价所依据目标的年度（数据期所在年度）';
COMMENT ON COLUMN mart_indicator_quarter.target_text IS '该年度目标值（按规划原文，如 5.5、>70、/）';
COMMENT ON COLUMN mart_indicator_quarter.target_value IS '该年度目标值（数值）';
COMMENT ON COLUMN mart_indicator_quarter.is_strict IS '是否严格界限目标（>70、<9），须严格满足';
COMMENT ON COLUMN mart_indicator_quarter.schedule_target IS '时序进度目标 E（数据期对应的序时目标）';
COMMENT ON COLUMN mart_indicator_quarter.deviation IS '偏差 δ，负数表示滞后（越高越好：(A−E)/|E|；越低越好：(E−A)/|E|）';
COMMENT ON COLUMN mart_indicator_quarter.completion_rate IS '完成率 c（越高越好 A/E，越低越好 E/A）';
COMMENT ON COLUMN mart_indicator_quarter.score IS '指标得分 = 100 × min(c, 1)，两位小数；灰灯无得分';
COMMENT ON COLUMN mart_indicator_quarter.light IS '亮灯：green / yellow / red / grey';
COMMENT ON COLUMN mart_indicator_quarter.light_zh IS '亮灯（中文）：绿灯 达到序时进度 / 黄灯 略有滞后 / 红灯 明显滞后 / 灰灯 不评价';
COMMENT ON COLUMN mart_indicator_quarter.grey_reason IS '灰灯原因：观察性指标、当年无目标、无数据';
COMMENT ON COLUMN mart_indicator_quarter.plan_progress IS '规划进度 p = (A−B)/(T2027−B)，不计分';
COMMENT ON COLUMN mart_indicator_quarter.previous_quarter_value IS '上季度的指标值';
COMMENT ON COLUMN mart_indicator_quarter.qoq_change IS '环比变化（本季度值 − 上季度值）';
COMMENT ON COLUMN mart_indicator_quarter.previous_year_value IS '上年同季度的指标值';
COMMENT ON COLUMN mart_indicator_quarter.yoy_change IS '同比变化（本季度值 − 上年同季度值）';
COMMENT ON COLUMN mart_indicator_quarter.evaluated_at IS '评价计算时间';

CREATE TABLE mart_domain_quarter (
    quarter_code      VARCHAR NOT NULL,
    year              INTEGER NOT NULL,
    quarter           INTEGER NOT NULL,
    domain_code       VARCHAR NOT NULL,
    domain_name       VARCHAR NOT NULL,
    sort_order        INTEGER NOT NULL,
    indicators        INTEGER NOT NULL,
    scored_indicators INTEGER NOT NULL,
    green             INTEGER NOT NULL,
    yellow            INTEGER NOT NULL,
    red               INTEGER NOT NULL,
    grey              INTEGER NOT NULL,
    share_green       DOUBLE,
    domain_score      DOUBLE,
    evaluated_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter_code, domain_code)
);
COMMENT ON TABLE mart_domain_quarter IS '分领域评价：每个领域每季度一行';
COMMENT ON COLUMN mart_domain_quarter.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_domain_quarter.year IS '评价年度';
COMMENT ON COLUMN mart_domain_quarter.quarter IS '评价季度序号（1-4）';
COMMENT ON COLUMN mart_domain_quarter.domain_code IS '领域编码';
COMMENT ON COLUMN mart_domain_quarter.domain_name IS '领域名称';
COMMENT ON COLUMN mart_domain_quarter.sort_order IS '领域排序（规划顺序）';
COMMENT ON COLUMN mart_domain_quarter.indicators IS '指标数（主要指标和任务指标）';
COMMENT ON COLUMN mart_domain_quarter.scored_indicators IS '参与评分的指标数（非灰灯）';
COMMENT ON COLUMN mart_domain_quarter.green IS '绿灯指标数';
COMMENT ON COLUMN mart_domain_quarter.yellow IS '黄灯指标数';
COMMENT ON COLUMN mart_domain_quarter.red IS '红灯指标数';
COMMENT ON COLUMN mart_domain_quarter.grey IS '灰灯（不评价）指标数';
COMMENT ON COLUMN mart_domain_quarter.share_green IS '绿灯占参与评分指标的比例';
COMMENT ON COLUMN mart_domain_quarter.domain_score IS '领域得分：参与评分指标得分的加权平均（省定核心指标权重见配置，默认 2）';
COMMENT ON COLUMN mart_domain_quarter.evaluated_at IS '评价计算时间';

CREATE TABLE mart_overall_quarter (
    quarter_code      VARCHAR PRIMARY KEY,
    year              INTEGER NOT NULL,
    quarter           INTEGER NOT NULL,
    scored_domains    INTEGER NOT NULL,
    overall_score     DOUBLE,
    indicators        INTEGER NOT NULL,
    scored_indicators INTEGER NOT NULL,
    green             INTEGER NOT NULL,
    yellow            INTEGER NOT NULL,
    red               INTEGER NOT NULL,
    grey              INTEGER NOT NULL,
    share_green       DOUBLE,
    open_issues       INTEGER NOT NULL,
    evaluated_at      TIMESTAMP NOT NULL
);
COMMENT ON TABLE mart_overall_quarter IS '总体评价（季度）：全市每季度一行；第四季度即为年度总体评价';
COMMENT ON COLUMN mart_overall_quarter.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_overall_quarter.year IS '评价年度';
COMMENT ON COLUMN mart_overall_quarter.quarter IS '评价季度序号（1-4）';
COMMENT ON COLUMN mart_overall_quarter.scored_domains IS '有参与评分指标的领域数';
COMMENT ON COLUMN mart_overall_quarter.overall_score IS '总体得分：各领域得分的简单平均';
COMMENT ON COLUMN mart_overall_quarter.indicators IS '指标总数';
COMMENT ON COLUMN mart_overall_quarter.scored_indicators IS '参与评分的指标数';
COMMENT ON COLUMN mart_overall_quarter.green IS '绿灯指标数';
COMMENT ON COLUMN mart_overall_quarter.yellow IS '黄灯指标数';
COMMENT ON COLUMN mart_overall_quarter.red IS '红灯指标数';
COMMENT ON COLUMN mart_overall_quarter.grey IS '灰灯指标数';
COMMENT ON COLUMN mart_overall_quarter.share_green IS '绿灯占参与评分指标的比例';
COMMENT ON COLUMN mart_overall_quarter.open_issues IS '季度末未销号的问题数';
COMMENT ON COLUMN mart_overall_quarter.evaluated_at IS '评价计算时间';

CREATE TABLE mart_annual_evaluation (
    year              INTEGER PRIMARY KEY,
    quarter_code      VARCHAR NOT NULL,
    scored_domains    INTEGER NOT NULL,
    overall_score     DOUBLE,
    scored_indicators INTEGER NOT NULL,
    green             INTEGER NOT NULL,
    yellow            INTEGER NOT NULL,
    red               INTEGER NOT NULL,
    grey              INTEGER NOT NULL,
    share_green       DOUBLE,
    open_issues       INTEGER NOT NULL,
    evaluated_at      TIMESTAMP NOT NULL
);
COMMENT ON TABLE mart_annual_evaluation IS '年度总体评价：每年一行，即该年第四季度的评价';
COMMENT ON COLUMN mart_annual_evaluation.year IS '评价年度';
COMMENT ON COLUMN mart_annual_evaluation.quarter_code IS '所依据的季度评价（该年第四季度）';
COMMENT ON COLUMN mart_annual_evaluation.scored_domains IS '有参与评分指标的领域数';
COMMENT ON COLUMN mart_annual_evaluation.overall_score IS '年度总体得分：各领域得分的简单平均';
COMMENT ON COLUMN mart_annual_evaluation.scored_indicators IS '参与评分的指标数';
COMMENT ON COLUMN mart_annual_evaluation.green IS '绿灯指标数';
COMMENT ON COLUMN mart_annual_evaluation.yellow IS '黄灯指标数';
COMMENT ON COLUMN mart_annual_evaluation.red IS '红灯指标数';
COMMENT ON COLUMN mart_annual_evaluation.grey IS '灰灯指标数';
COMMENT ON COLUMN mart_annual_evaluation.share_green IS '绿灯占参与评分指标的比例';
COMMENT ON COLUMN mart_annual_evaluation.open_issues IS '年末未销号的问题数';
COMMENT ON COLUMN mart_annual_evaluation.evaluated_at IS '评价计算时间';

CREATE TABLE mart_town_comparison (
    quarter_code          VARCHAR NOT NULL,
    indicator_code        VARCHAR NOT NULL,
    indicator_name        VARCHAR NOT NULL,
    unit                  VARCHAR,
    direction             VARCHAR NOT NULL,
    aggregation           VARCHAR NOT NULL,
    data_period           VARCHAR NOT NULL,
    town_code             VARCHAR NOT NULL,
    town_name             VARCHAR NOT NULL,
    town_sort_order       INTEGER NOT NULL,
    town_value            DOUBLE,
    numerator             DOUBLE,
    denominator           DOUBLE,
    town_rank             INTEGER,
    towns_ranked          INTEGER NOT NULL,
    city_value            DOUBLE,
    gap_to_city           DOUBLE,
    city_value_built      DOUBLE,
    towns_in_city_value   INTEGER,
    city_value_reported   DOUBLE,
    reported_minus_built  DOUBLE,
    town_mean             DOUBLE,
    town_cv               DOUBLE,
    evaluated_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter_code, indicator_code, town_code)
);
COMMENT ON TABLE mart_town_comparison IS '镇街对比：每个镇街、每个按镇街报送的指标、每季度一行（镇街只比较，不评分）';
COMMENT ON COLUMN mart_town_comparison.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_town_comparison.indicator_code IS '指标编码';
COMMENT ON COLUMN mart_town_comparison.indicator_name IS '指标名称';
COMMENT ON COLUMN mart_town_comparison.unit IS '计量单位';
COMMENT ON COLUMN mart_town_comparison.direction IS '指标方向：higher 越高越好 / lower 越低越好';
COMMENT ON COLUMN mart_town_comparison.aggregation IS '镇街汇总到全市的规则：sum 加总 / ratio 分子分母分别加总后相除';
COMMENT ON COLUMN mart_town_comparison.data_period IS '数据期';
COMMENT ON COLUMN mart_town_comparison.town_code IS '镇街代码（9位统计用区划代码）';
COMMENT ON COLUMN mart_town_comparison.town_name IS '镇街名称';
COMMENT ON COLUMN mart_town_comparison.town_sort_order IS '镇街排序';
COMMENT ON COLUMN mart_town_comparison.town_value IS '镇街指标值';
COMMENT ON COLUMN mart_town_comparison.numerator IS '分子（比率类指标）';
COMMENT ON COLUMN mart_town_comparison.denominator IS '分母（比率类指标）';
COMMENT ON COLUMN mart_town_comparison.town_rank IS '镇街排名（1 为最好，按指标方向；并列同名次）';
COMMENT ON COLUMN mart_town_comparison.towns_ranked IS '参与排名的镇街数';
COMMENT ON COLUMN mart_town_comparison.city_value IS '全市值（部门报送全市值优先，否则由镇街汇总）';
COMMENT ON COLUMN mart_town_comparison.gap_to_city IS '与全市值的差（镇街值 − 全市值）';
COMMENT ON COLUMN mart_town_comparison.city_value_built IS '由镇街按汇总规则计算的全市值（比率不做平均：分子分母分别加总再相除）';
COMMENT ON COLUMN mart_town_comparison.towns_in_city_value IS '计算全市值所用的镇街数';
COMMENT ON COLUMN mart_town_comparison.city_value_reported IS '责任单位报送的全市值';
COMMENT ON COLUMN mart_town_comparison.reported_minus_built IS '报送全市值与汇总全市值之差';
COMMENT ON COLUMN mart_town_comparison.town_mean IS '各镇街值的平均数';
COMMENT ON COLUMN mart_town_comparison.town_cv IS '镇街间变异系数（总体标准差 ÷ 平均数），衡量均衡性';
COMMENT ON COLUMN mart_town_comparison.evaluated_at IS '评价计算时间';

CREATE TABLE mart_bureau_quarter (
    quarter_code          VARCHAR NOT NULL,
    bureau_code           VARCHAR NOT NULL,
    bureau_name           VARCHAR NOT NULL,
    indicators            INTEGER NOT NULL,
    green                 INTEGER NOT NULL,
    yellow                INTEGER NOT NULL,
    red                   INTEGER NOT NULL,
    grey                  INTEGER NOT NULL,
    open_issues           INTEGER NOT NULL,
    submissions_expected  INTEGER NOT NULL,
    submissions_received  INTEGER NOT NULL,
    submissions_on_time   INTEGER NOT NULL,
    submissions_late      INTEGER NOT NULL,
    submission_deadline   DATE NOT NULL,
    first_received_at     TIMESTAMP,
    rows_submitted        BIGINT NOT NULL,
    rows_rejected         BIGINT NOT NULL,
    rejected_share        DOUBLE,
    evaluated_at          TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter_code, bureau_code)
);
COMMENT ON TABLE mart_bureau_quarter IS '责任单位：每个责任单位每季度一行，含指标亮灯、报送及时性和退回行占比';
COMMENT ON COLUMN mart_bureau_quarter.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_bureau_quarter.bureau_code IS '责任单位编码';
COMMENT ON COLUMN mart_bureau_quarter.bureau_name IS '责任单位';
COMMENT ON COLUMN mart_bureau_quarter.indicators IS '负责的指标数';
COMMENT ON COLUMN mart_bureau_quarter.green IS '绿灯指标数';
COMMENT ON COLUMN mart_bureau_quarter.yellow IS '黄灯指标数';
COMMENT ON COLUMN mart_bureau_quarter.red IS '红灯指标数';
COMMENT ON COLUMN mart_bureau_quarter.grey IS '灰灯指标数';
COMMENT ON COLUMN mart_bureau_quarter.open_issues IS '未销号的问题数';
COMMENT ON COLUMN mart_bureau_quarter.submissions_expected IS '应报送次数（每个责任单位每季度一次）';
COMMENT ON COLUMN mart_bureau_quarter.submissions_received IS '已收到的报送文件数';
COMMENT ON COLUMN mart_bureau_quarter.submissions_on_time IS '按时报送的文件数（截止日当天及以前收到）';
COMMENT ON COLUMN mart_bureau_quarter.submissions_late IS '逾期报送的文件数';
COMMENT ON COLUMN mart_bureau_quarter.submission_deadline IS '报送截止日（季度结束后第 N 天，默认第 10 天）';
COMMENT ON COLUMN mart_bureau_quarter.first_received_at IS '首次收到报送的时间';
COMMENT ON COLUMN mart_bureau_quarter.rows_submitted IS '报送的数据行数（入库 + 退回）';
COMMENT ON COLUMN mart_bureau_quarter.rows_rejected IS '被退回的数据行数';
COMMENT ON COLUMN mart_bureau_quarter.rejected_share IS '退回行占比';
COMMENT ON COLUMN mart_bureau_quarter.evaluated_at IS '评价计算时间';

CREATE TABLE mart_issue (
    as_of_quarter     VARCHAR NOT NULL,
    issue_id          VARCHAR NOT NULL,
    indicator_code    VARCHAR NOT NULL,
    indicator_name    VARCHAR NOT NULL,
    domain_name       VARCHAR,
    bureau_code       VARCHAR NOT NULL,
    bureau_name       VARCHAR NOT NULL,
    opened_quarter    VARCHAR NOT NULL,
    opened_reason     VARCHAR NOT NULL,
    status            VARCHAR NOT NULL,
    status_zh         VARCHAR NOT NULL,
    closed_quarter    VARCHAR,
    quarters_open     INTEGER NOT NULL,
    current_light     VARCHAR NOT NULL,
    is_new            BOOLEAN NOT NULL,
    previous_issue_id VARCHAR,
    evaluated_at      TIMESTAMP NOT NULL,
    PRIMARY KEY (as_of_quarter, issue_id)
);
COMMENT ON TABLE mart_issue IS '问题整改清单（问题发现和整改闭环）：截至各季度的全部问题，问题编号稳定（指标编码-发现季度）';
COMMENT ON COLUMN mart_issue.as_of_quarter IS '清单截至季度（季度调度会所用季度）';
COMMENT ON COLUMN mart_issue.issue_id IS '问题编号 = 指标编码-发现季度（重算不会重复）';
COMMENT ON COLUMN mart_issue.indicator_code IS '指标编码';
COMMENT ON COLUMN mart_issue.indicator_name IS '指标名称';
COMMENT ON COLUMN mart_issue.domain_name IS '领域名称';
COMMENT ON COLUMN mart_issue.bureau_code IS '责任单位编码';
COMMENT ON COLUMN mart_issue.bureau_name IS '责任单位';
COMMENT ON COLUMN mart_issue.opened_quarter IS '发现季度（首次红灯，或连续第二个季度黄灯）';
COMMENT ON COLUMN mart_issue.opened_reason IS '发现原因：红灯 / 连续两个季度黄灯';
COMMENT ON COLUMN mart_issue.status IS '状态：open 整改中 / closed 已销号';
COMMENT ON COLUMN mart_issue.status_zh IS '状态（中文）';
COMMENT ON COLUMN mart_issue.closed_quarter IS '销号季度（首次转为绿灯的季度）';
COMMENT ON COLUMN mart_issue.quarters_open IS '持续季度数（发现季度至销号前一季度，未销号的计至截至季度）';
COMMENT ON COLUMN mart_issue.current_light IS '截至季度的亮灯';
COMMENT ON COLUMN mart_issue.is_new IS '是否截至季度新发现';
COMMENT ON COLUMN mart_issue.previous_issue_id IS '同一指标上一个问题的编号（再次发现时）';
COMMENT ON COLUMN mart_issue.evaluated_at IS '评价计算时间';

CREATE TABLE mart_data_completeness (
    quarter_code         VARCHAR NOT NULL,
    indicator_code       VARCHAR NOT NULL,
    indicator_name       VARCHAR NOT NULL,
    bureau_code          VARCHAR NOT NULL,
    bureau_name          VARCHAR NOT NULL,
    town_code            VARCHAR NOT NULL,
    town_name            VARCHAR NOT NULL,
    expected_period      VARCHAR NOT NULL,
    latest_period        VARCHAR,
    message_zh           VARCHAR NOT NULL,
    evaluated_at         TIMESTAMP NOT NULL,
    PRIMARY KEY (quarter_code, indicator_code, town_code)
);
COMMENT ON TABLE mart_data_completeness IS '数据完整性（催报清单）：本季度应报未报的指标 × 镇街 × 责任单位';
COMMENT ON COLUMN mart_data_completeness.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_data_completeness.indicator_code IS '指标编码';
COMMENT ON COLUMN mart_data_completeness.indicator_name IS '指标名称';
COMMENT ON COLUMN mart_data_completeness.bureau_code IS '责任单位编码';
COMMENT ON COLUMN mart_data_completeness.bureau_name IS '责任单位';
COMMENT ON COLUMN mart_data_completeness.town_code IS '镇街代码（330681 为全市）';
COMMENT ON COLUMN mart_data_completeness.town_name IS '镇街名称';
COMMENT ON COLUMN mart_data_completeness.expected_period IS '应报数据期（季度指标为本季度，年度指标在第二季度起为上年）';
COMMENT ON COLUMN mart_data_completeness.latest_period IS '已有的最近数据期';
COMMENT ON COLUMN mart_data_completeness.message_zh IS '催报说明';
COMMENT ON COLUMN mart_data_completeness.evaluated_at IS '评价计算时间';

-- results of the data-quality checks under sql/checks/, one row per check per run
CREATE SEQUENCE seq_dq_result_id START 1;
CREATE TABLE dq_check_result (
    result_id        BIGINT PRIMARY KEY DEFAULT nextval('seq_dq_result_id'),
    job_execution_id BIGINT,
    quarter_code     VARCHAR,
    check_name       VARCHAR NOT NULL,
    severity         VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    failed_rows      BIGINT NOT NULL,
    sample           VARCHAR,
    description_zh   VARCHAR NOT NULL,
    checked_at       TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE dq_check_result IS '数据质量检查结果：每次运行每项检查一行';
COMMENT ON COLUMN dq_check_result.result_id IS '结果编号';
COMMENT ON COLUMN dq_check_result.job_execution_id IS '批处理作业执行编号';
COMMENT ON COLUMN dq_check_result.quarter_code IS '检查所针对的季度';
COMMENT ON COLUMN dq_check_result.check_name IS '检查名称（sql/checks 下的文件名）';
COMMENT ON COLUMN dq_check_result.severity IS '严重程度：error 错误（阻止发布）/ warn 警告';
COMMENT ON COLUMN dq_check_result.status IS '结果：pass 通过 / warn 警告 / fail 失败';
COMMENT ON COLUMN dq_check_result.failed_rows IS '不符合的行数';
COMMENT ON COLUMN dq_check_result.sample IS '不符合行的示例（最多 5 行）';
COMMENT ON COLUMN dq_check_result.description_zh IS '检查内容说明';
COMMENT ON COLUMN dq_check_result.checked_at IS '检查时间';
