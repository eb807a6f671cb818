-- V081: lineage to the cell (docs/evaluation-method.md §9). Every revision of a fact keeps where its value
-- was read: sheet, row and cell of a spreadsheet, line of a platform export; a derived fact keeps the query
-- and the input records it was computed from. Mart rows carry the fact they judge.
ALTER TABLE fct_indicator_value ADD COLUMN source_sheet VARCHAR;
ALTER TABLE fct_indicator_value ADD COLUMN source_row BIGINT;
ALTER TABLE fct_indicator_value ADD COLUMN source_cell VARCHAR;
ALTER TABLE fct_indicator_value ADD COLUMN source_line BIGINT;
ALTER TABLE fct_indicator_value ADD COLUMN derived_query VARCHAR;
ALTER TABLE fct_indicator_value ADD COLUMN derived_inputs VARCHAR;
COMMENT ON COLUMN fct_indicator_value.source_sheet IS '来源工作表（部门报表）';
COMMENT ON COLUMN fct_indicator_value.source_row IS '来源行号（报表的行，或平台导出文件的行）';
COMMENT ON COLUMN fct_indicator_value.source_cell IS '来源单元格（如 Sheet1!D7）';
COMMENT ON COLUMN fct_indicator_value.source_line IS '来源行（平台导出文件的第几行，含表头）';
COMMENT ON COLUMN fct_indicator_value.derived_query IS '推算数据所用的查询（sql/indicators 下的文件）';
COMMENT ON COLUMN fct_indicator_value.derived_inputs IS '推算数据所依据的明细记录数';

ALTER TABLE mart_indicator_quarter ADD COLUMN fact_id BIGINT;
ALTER TABLE mart_indicator_quarter ADD COLUMN fact_source_kind VARCHAR;
ALTER TABLE mart_indicator_quarter ADD COLUMN fact_revision INTEGER;
ALTER TABLE mart_indicator_quarter ADD COLUMN fact_file VARCHAR;
ALTER TABLE mart_indicator_quarter ADD COLUMN fact_location VARCHAR;
COMMENT ON COLUMN mart_indicator_quarter.fact_id IS '所评价数据的编号（fct_indicator_value.value_id；由镇街汇总的全市值为空，见各镇街数据）';
COMMENT ON COLUMN mart_indicator_quarter.fact_source_kind IS '数据来源类别：spreadsheet 部门报表 / platform 公共数据平台 / derived 明细推算 / built 由镇街汇总';
COMMENT ON COLUMN mart_indicator_quarter.fact_revision IS '所评价数据的修订版本号';
COMMENT ON COLUMN mart_indicator_quarter.fact_file IS '所评价数据的来源文件（推算数据为查询文件）';
COMMENT ON COLUMN mart_indicator_quarter.fact_location IS '所评价数据在来源文件中的位置：工作表!单元格，或第几行';
ALTER TABLE mart_town_comparison ADD COLUMN fact_id BIGINT;
ALTER TABLE mart_town_comparison ADD COLUMN fact_source_kind VARCHAR;
ALTER TABLE mart_town_comparison ADD COLUMN fact_revision INTEGER;
ALTER TABLE mart_town_comparison ADD COLUMN fact_file VARCHAR;
ALTER TABLE mart_town_comparison ADD COLUMN fact_location VARCHAR;
COMMENT ON COLUMN mart_town_comparison.fact_id IS '镇街数据的编号（fct_indicator_value.value_id）';
COMMENT ON COLUMN mart_town_comparison.fact_source_kind IS '镇街数据来源类别：spreadsheet / platform / derived';
COMMENT ON COLUMN mart_town_comparison.fact_revision IS '镇街数据的修订版本号';
COMMENT ON COLUMN mart_town_comparison.fact_file IS '镇街数据的来源文件';
COMMENT ON COLUMN mart_town_comparison.fact_location IS '镇街数据在来源文件中的位置：工作表!单元格，或第几行';
