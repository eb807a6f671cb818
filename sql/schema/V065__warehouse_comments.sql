-- V065: Chinese comments on the warehouse's own tables (dimensions, facts, platform records, rule results,
-- ETL bookkeeping), as V030 gave the marts: docs/reference/data-dictionary.md is generated from them
-- (jobs/run reference-docs). Comments only: no table, column or row changes.

COMMENT ON TABLE dim_domain IS '领域维表：七个领域（幼有善育、学有优教、劳有所得、病有良医、老有康养、住有宜居、弱有众扶）';
COMMENT ON COLUMN dim_domain.domain_code IS '领域编码';
COMMENT ON COLUMN dim_domain.domain_name IS '领域名称';
COMMENT ON COLUMN dim_domain.sort_order IS '排序（方案中的顺序）';
COMMENT ON COLUMN dim_domain.lead_bureau_code IS '牵头单位编码（dim_bureau）';

COMMENT ON TABLE dim_bureau IS '部门维表：方案中的责任单位和报送数据的部门（WJ 卫生健康局、JT 教体局、RS 人力社保局、YB 医保局、MZ 民政局、JS 建设局、CL 残联、TJ 统计局）';
COMMENT ON COLUMN dim_bureau.bureau_code IS '部门编码';
COMMENT ON COLUMN dim_bureau.short_name IS '部门简称';
COMMENT ON COLUMN dim_bureau.official_name IS '部门全称';
COMMENT ON COLUMN dim_bureau.is_responsible_unit IS '是否为方案中的责任单位（须每季度报送）';
COMMENT ON COLUMN dim_bureau.name_note IS '名称来源说明';

COMMENT ON TABLE dim_bureau_alias IS '部门别名：各种写法（人社局、诸暨市人力资源和社会保障局、卫健局……）对应的部门编码，含简称和全称';
COMMENT ON COLUMN dim_bureau_alias.alias IS '部门名称的一种写法';
COMMENT ON COLUMN dim_bureau_alias.bureau_code IS '部门编码（dim_bureau）';

COMMENT ON TABLE dim_town IS '镇街维表：诸暨市 23 个镇级行政区划（5 个街道、17 个镇、1 个乡，2023 年统计用区划代码），另加全市一行（town_code 330681）';
COMMENT ON COLUMN dim_town.town_code IS '镇街编码：镇街为 9 位区划代码，全市为 330681';
COMMENT ON COLUMN dim_town.division_code_12 IS '12 位统计用区划代码';
COMMENT ON COLUMN dim_town.division_code_9 IS '9 位区划代码';
COMMENT ON COLUMN dim_town.town_name IS '镇街全称（如 暨阳街道）';
COMMENT ON COLUMN dim_town.short_name IS '镇街简称（如 暨阳）';
COMMENT ON COLUMN dim_town.town_type IS '类型：街道 / 镇 / 乡 / 市';
COMMENT ON COLUMN dim_town.level IS '层级：town 镇街 / city 全市';
COMMENT ON COLUMN dim_town.sort_order IS '排序';

COMMENT ON TABLE dim_period IS '期别维表：2020—2030 年的年度（2024）和季度（2024Q2）';
COMMENT ON COLUMN dim_period.period_code IS '期别编码：年度 2024，季度 2024Q2';
COMMENT ON COLUMN dim_period.year IS '年份';
COMMENT ON COLUMN dim_period.quarter IS '季度（1—4；年度为空）';
COMMENT ON COLUMN dim_period.period_type IS '期别类型：year 年度 / quarter 季度';
COMMENT ON COLUMN dim_period.start_date IS '起始日期';
COMMENT ON COLUMN dim_period.end_date IS '截止日期';
COMMENT ON COLUMN dim_period.label_zh IS '中文名称（如 2024年第二季度）';

COMMENT ON TABLE dim_indicator IS '指标维表（缓慢变化维 SCD 2）：定义或责任单位变更时自该年起新开一行，旧行在其有效年份内仍有效；事实按 indicator_code 和 year BETWEEN valid_from_year AND valid_to_year 关联';
COMMENT ON COLUMN dim_indicator.indicator_key IS '指标版本代理键';
COMMENT ON COLUMN dim_indicator.indicator_code IS '指标编码：H01—H21 主要指标（方案序号），T01—T50 任务指标，C01—C05 背景指标';
COMMENT ON COLUMN dim_indicator.indicator_name IS '指标名称';
COMMENT ON COLUMN dim_indicator.unit IS '计量单位（方案所写单位，百分比存为 63 而非 0.63）';
COMMENT ON COLUMN dim_indicator.domain_code IS '领域编码（背景指标为空）';
COMMENT ON COLUMN dim_indicator.bureau_code IS '责任单位编码';
COMMENT ON COLUMN dim_indicator.kind IS '指标类别：headline 主要指标（方案表格）/ task 任务指标（方案正文的量化目标）/ context 背景指标';
COMMENT ON COLUMN dim_indicator.seq_no IS '方案表格中的序号';
COMMENT ON COLUMN dim_indicator.plan_mark IS '序号原文（如 *1、▲7、2）';
COMMENT ON COLUMN dim_indicator.is_core IS '是否省定核心指标（*）';
COMMENT ON COLUMN dim_indicator.is_observation IS '是否探索和观察性指标（▲，不评分）';
COMMENT ON COLUMN dim_indicator.direction IS '方向：higher 越大越好 / lower 越小越好';
COMMENT ON COLUMN dim_indicator.frequency IS '报送频率：quarterly 季度 / annual 年度';
COMMENT ON COLUMN dim_indicator.aggregation IS '镇街汇总到全市的方式：sum 求和 / ratio 分子分母汇总后求比率 / city_only 仅全市';
COMMENT ON COLUMN dim_indicator.note IS '备注（方案正文中的相关表述等）';
COMMENT ON COLUMN dim_indicator.valid_from_year IS '本版本起始有效年份';
COMMENT ON COLUMN dim_indicator.valid_to_year IS '本版本截止有效年份（9999 表示至今有效）';
COMMENT ON COLUMN dim_indicator.is_current IS '是否当前版本';

COMMENT ON TABLE fct_indicator_target IS '指标目标：每个指标每年的目标值，原文和解析结果，以及 2022 年基础值';
COMMENT ON COLUMN fct_indicator_target.indicator_code IS '指标编码';
COMMENT ON COLUMN fct_indicator_target.year IS '目标年份';
COMMENT ON COLUMN fct_indicator_target.target_text IS '目标原文（如 5.5、>70、/）';
COMMENT ON COLUMN fct_indicator_target.comparator IS '比较符：>=、>、<=、<；无目标（/）为空';
COMMENT ON COLUMN fct_indicator_target.target_value IS '目标值';
COMMENT ON COLUMN fct_indicator_target.baseline_text IS '2022年基础值原文（/ 表示无）';
COMMENT ON COLUMN fct_indicator_target.baseline_value IS '2022年基础值';
COMMENT ON COLUMN fct_indicator_target.source IS '来源：plan_table 方案表格 / plan_text 方案正文';

COMMENT ON TABLE fct_indicator_value IS '指标数据：指标 × 镇街 × 期别 × 来源，保留每一次修订（每个来源只有一行当前有效）';
COMMENT ON COLUMN fct_indicator_value.value_id IS '数据编号';
COMMENT ON COLUMN fct_indicator_value.indicator_code IS '指标编码';
COMMENT ON COLUMN fct_indicator_value.town_code IS '镇街编码（全市为 330681）';
COMMENT ON COLUMN fct_indicator_value.period_code IS '期别编码';
COMMENT ON COLUMN fct_indicator_value.value IS '数值（方案所写单位）';
COMMENT ON COLUMN fct_indicator_value.numerator IS '比率的分子（如有）';
COMMENT ON COLUMN fct_indicator_value.denominator IS '比率的分母（如有）';
COMMENT ON COLUMN fct_indicator_value.obs_status IS '数据状态（SDMX OBS_STATUS）：A 正常、P 初步、E 估计、R 修订';
COMMENT ON COLUMN fct_indicator_value.source_kind IS '来源类别：spreadsheet 部门报表 / platform 公共数据平台 / derived 由平台明细推算';
COMMENT ON COLUMN fct_indicator_value.bureau_code IS '报送部门编码';
COMMENT ON COLUMN fct_indicator_value.source_file IS '来源文件名';
COMMENT ON COLUMN fct_indicator_value.revision IS '修订次数（1 为首次报送）';
COMMENT ON COLUMN fct_indicator_value.is_current IS '是否当前有效的修订';
COMMENT ON COLUMN fct_indicator_value.loaded_at IS '入库时间';
COMMENT ON COLUMN fct_indicator_value.file_id IS '来源文件编号（etl_file；推算数据为 0 或空）';
COMMENT ON COLUMN fct_indicator_value.job_execution_id IS '批处理作业执行编号';
COMMENT ON COLUMN fct_indicator_value.review_state IS '审核状态：空（无需核实）/ 待核实 / 已说明';
COMMENT ON COLUMN fct_indicator_value.review_note IS '情况说明';
COMMENT ON COLUMN fct_indicator_value.review_source IS '情况说明的来源（备注单元格或情况说明文件及行号）';
COMMENT ON COLUMN fct_indicator_value.reviewed_at IS '说明时间';

COMMENT ON TABLE fct_rule_result IS '审核规则结果：每次运行每条未通过的规则一行（未通过、不可比、缺报），通过的不记录';
COMMENT ON COLUMN fct_rule_result.rule_result_id IS '结果编号';
COMMENT ON COLUMN fct_rule_result.rule_id IS '规则编号（jobs/rules，如 R-CHANGE-YOY）';
COMMENT ON COLUMN fct_rule_result.rule_version IS '规则版本';
COMMENT ON COLUMN fct_rule_result.rule_kind IS '规则类型：range / numerator-denominator / total / cumulative / change / re-report / cross-source / missing';
COMMENT ON COLUMN fct_rule_result.tier IS '审核层级（层级调整之后）：强制性 / 核实性 / 提示性';
COMMENT ON COLUMN fct_rule_result.outcome IS '结果：failed 未通过 / not_comparable 不可比 / missing 缺报';
COMMENT ON COLUMN fct_rule_result.reason_code IS '原因代码';
COMMENT ON COLUMN fct_rule_result.indicator_code IS '指标编码';
COMMENT ON COLUMN fct_rule_result.town_code IS '镇街编码';
COMMENT ON COLUMN fct_rule_result.period_code IS '期别编码';
COMMENT ON COLUMN fct_rule_result.bureau_code IS '报送部门编码';
COMMENT ON COLUMN fct_rule_result.source_kind IS '来源类别（缺报为空）';
COMMENT ON COLUMN fct_rule_result.file_id IS '来源文件编号（推算数据为 0）';
COMMENT ON COLUMN fct_rule_result.file_name IS '来源文件名';
COMMENT ON COLUMN fct_rule_result.sheet_name IS '工作表名';
COMMENT ON COLUMN fct_rule_result.row_number IS '行号';
COMMENT ON COLUMN fct_rule_result.location IS '位置（如 Sheet1!D7、line 42）';
COMMENT ON COLUMN fct_rule_result.raw_text IS '原始内容';
COMMENT ON COLUMN fct_rule_result.value IS '被审核的数值';
COMMENT ON COLUMN fct_rule_result.compared_value IS '比较的数值（镇街合计、基期数、推算数等）';
COMMENT ON COLUMN fct_rule_result.compared_with IS '比较对象（如 各镇街合计、2023年第二季度）';
COMMENT ON COLUMN fct_rule_result.message_zh IS '提示信息';
COMMENT ON COLUMN fct_rule_result.review_state IS '审核状态（仅核实性）：待核实 / 已说明';
COMMENT ON COLUMN fct_rule_result.explanation IS '情况说明';
COMMENT ON COLUMN fct_rule_result.explanation_source IS '情况说明的来源';
COMMENT ON COLUMN fct_rule_result.explained_at IS '说明时间';
COMMENT ON COLUMN fct_rule_result.job_execution_id IS '批处理作业执行编号';
COMMENT ON COLUMN fct_rule_result.created_at IS '记录时间';

COMMENT ON TABLE rec_childcare_institution IS '托育机构名录（公共数据平台明细），每行属于导入它的文件';
COMMENT ON COLUMN rec_childcare_institution.file_id IS '来源文件编号（etl_file）';
COMMENT ON COLUMN rec_childcare_institution.period_code IS '统计期';
COMMENT ON COLUMN rec_childcare_institution.town_code IS '所在镇街编码';
COMMENT ON COLUMN rec_childcare_institution.institution_code IS '机构代码（统一社会信用代码）';
COMMENT ON COLUMN rec_childcare_institution.institution_name IS '机构名称';
COMMENT ON COLUMN rec_childcare_institution.places IS '托位数';
COMMENT ON COLUMN rec_childcare_institution.is_puhui IS '是否普惠';

COMMENT ON TABLE rec_care_worker IS '养老护理员持证名单（公共数据平台明细，仅存假名化结果：身份证号以 HMAC-SHA256 替换，姓名、手机号、证书编号不入库）';
COMMENT ON COLUMN rec_care_worker.file_id IS '来源文件编号（etl_file）';
COMMENT ON COLUMN rec_care_worker.period_code IS '统计期';
COMMENT ON COLUMN rec_care_worker.town_code IS '所在镇街编码';
COMMENT ON COLUMN rec_care_worker.person_hash IS '身份证号的 HMAC-SHA256（32 字节），用于按人去重计数';
COMMENT ON COLUMN rec_care_worker.certificate_level IS '证书等级（初级 / 中级 / 高级 / 技师……）';

COMMENT ON TABLE rec_dibao_recipient IS '最低生活保障对象（公共数据平台明细，仅存假名化结果：身份证号和户编号以 HMAC-SHA256 替换，姓名、手机号不入库）';
COMMENT ON COLUMN rec_dibao_recipient.file_id IS '来源文件编号（etl_file）';
COMMENT ON COLUMN rec_dibao_recipient.period_code IS '统计期';
COMMENT ON COLUMN rec_dibao_recipient.town_code IS '所在镇街编码';
COMMENT ON COLUMN rec_dibao_recipient.person_hash IS '身份证号的 HMAC-SHA256（32 字节）';
COMMENT ON COLUMN rec_dibao_recipient.household_hash IS '户编号的 HMAC-SHA256（32 字节）';
COMMENT ON COLUMN rec_dibao_recipient.monthly_amount IS '月保障金额（元）';

COMMENT ON TABLE etl_file IS '收到的文件：每个文件（按内容校验和）一行，含状态和行数核对：读取 = 入库 + 退回 + 忽略';
COMMENT ON COLUMN etl_file.file_id IS '文件编号';
COMMENT ON COLUMN etl_file.file_name IS '文件名';
COMMENT ON COLUMN etl_file.path IS '收到时的路径';
COMMENT ON COLUMN etl_file.checksum_sha256 IS '文件内容的 SHA-256（同一内容只处理一次）';
COMMENT ON COLUMN etl_file.size_bytes IS '文件大小（字节）';
COMMENT ON COLUMN etl_file.source_kind IS '文件类别：reference / spreadsheet / platform_indicator / platform_records / explanation';
COMMENT ON COLUMN etl_file.mapping_id IS '识别出的模板或映射（jobs/sources）';
COMMENT ON COLUMN etl_file.bureau_code IS '报送部门编码';
COMMENT ON COLUMN etl_file.period_code IS '数据期别';
COMMENT ON COLUMN etl_file.status IS '状态：processing / loaded 已入库 / loaded_with_rejects 部分退回 / unrecognised 未识别 / failed 失败 / duplicate 重复';
COMMENT ON COLUMN etl_file.rows_read IS '读取的记录数（= 入库 + 退回 + 忽略）';
COMMENT ON COLUMN etl_file.rows_loaded IS '入库的记录数';
COMMENT ON COLUMN etl_file.rows_rejected IS '退回的记录数（明细见 etl_reject）';
COMMENT ON COLUMN etl_file.rows_ignored IS '忽略的行数（标题、表头、空行、注释、无数值等）';
COMMENT ON COLUMN etl_file.ignored_detail IS '忽略行的分类计数（如 title=1, header=2, blank=3）';
COMMENT ON COLUMN etl_file.revision IS '文件的修订次数（同一模板、部门、期别此前已入库文件数 + 1）';
COMMENT ON COLUMN etl_file.message IS '处理说明（读取的工作表、填报单位/日期/人、新增和修订的数据数、编码等）';
COMMENT ON COLUMN etl_file.received_at IS '首次收到（登记）时间';
COMMENT ON COLUMN etl_file.processed_at IS '处理完成时间';
COMMENT ON COLUMN etl_file.job_execution_id IS '批处理作业执行编号';

COMMENT ON TABLE etl_reject IS '退回明细：每个被退回的单元格、行或拒收的文件一行，含位置、原始内容（涉及个人信息的已遮盖）和中文原因';
COMMENT ON COLUMN etl_reject.reject_id IS '退回编号';
COMMENT ON COLUMN etl_reject.file_id IS '文件编号（etl_file）';
COMMENT ON COLUMN etl_reject.file_name IS '文件名';
COMMENT ON COLUMN etl_reject.sheet_name IS '工作表名';
COMMENT ON COLUMN etl_reject.row_number IS '行号（从 1 起，与 Excel 和编辑器一致）';
COMMENT ON COLUMN etl_reject.cell_ref IS '单元格（如 Sheet1!D7；整行退回为空）';
COMMENT ON COLUMN etl_reject.raw_value IS '原始内容（个人信息已遮盖）';
COMMENT ON COLUMN etl_reject.reason_code IS '原因代码（如 NOT_A_NUMBER、UNKNOWN_TOWN）';
COMMENT ON COLUMN etl_reject.message_zh IS '中文说明：哪里有误、应当如何填写';
COMMENT ON COLUMN etl_reject.job_execution_id IS '批处理作业执行编号';
COMMENT ON COLUMN etl_reject.created_at IS '记录时间';

COMMENT ON TABLE etl_explanation IS '收到的情况说明（情况说明文件的每一行），保留下来，使先于数据到达的说明在数据到达时仍然适用';
COMMENT ON COLUMN etl_explanation.explanation_id IS '说明编号';
COMMENT ON COLUMN etl_explanation.rule_id IS '规则编号（空表示该数据的所有核实性规则）';
COMMENT ON COLUMN etl_explanation.indicator_code IS '指标编码';
COMMENT ON COLUMN etl_explanation.town_code IS '镇街编码（全市为 330681）';
COMMENT ON COLUMN etl_explanation.period_code IS '期别编码';
COMMENT ON COLUMN etl_explanation.explanation IS '情况说明';
COMMENT ON COLUMN etl_explanation.reporter IS '填报人（原文）';
COMMENT ON COLUMN etl_explanation.file_id IS '情况说明文件编号（etl_file）';
COMMENT ON COLUMN etl_explanation.file_name IS '情况说明文件名';
COMMENT ON COLUMN etl_explanation.location IS '位置（如 line 3、Sheet1!E3）';
COMMENT ON COLUMN etl_explanation.received_at IS '收到时间';
COMMENT ON COLUMN etl_explanation.job_execution_id IS '批处理作业执行编号';

COMMENT ON TABLE schema_version IS '已应用的数据库结构版本（sql/schema 下的迁移脚本）';
COMMENT ON COLUMN schema_version.version IS '版本号（V<n>）';
COMMENT ON COLUMN schema_version.description IS '迁移脚本名称';
COMMENT ON COLUMN schema_version.applied_at IS '应用时间';
