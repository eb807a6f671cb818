-- V082: as the meeting saw it, and as revised (docs/evaluation-method.md §8). When a quarter's quarterly
-- run first completes after the quarter closed, its evaluation (every mart row of the quarter, and the
-- issue list as of it) is frozen as the version the 季度调度会 saw; later runs never change it; a rerun asked
-- for explicitly makes a new version and keeps the old. The rows are kept as JSON (one per mart row), so a
-- frozen version stays byte-identical whatever columns the marts gain later.
CREATE TABLE mart_meeting_version (
    quarter_code     VARCHAR NOT NULL,
    version_no       INTEGER NOT NULL,
    frozen_at        TIMESTAMP NOT NULL,
    reason           VARCHAR NOT NULL,
    job_execution_id BIGINT,
    PRIMARY KEY (quarter_code, version_no)
);
COMMENT ON TABLE mart_meeting_version IS '会议口径版本：每个季度调度会所见评价的版本（季度结束后首次季度运行时冻结；重新召开时另立新版本，旧版本保留）';
COMMENT ON COLUMN mart_meeting_version.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_meeting_version.version_no IS '版本号（1 为首次冻结）';
COMMENT ON COLUMN mart_meeting_version.frozen_at IS '冻结时间';
COMMENT ON COLUMN mart_meeting_version.reason IS '冻结原因：季度结束后首次季度运行 / 明确要求重新冻结（重新召开会议）';
COMMENT ON COLUMN mart_meeting_version.job_execution_id IS '冻结该版本的运行编号';

CREATE TABLE mart_meeting_row (
    quarter_code VARCHAR NOT NULL,
    version_no   INTEGER NOT NULL,
    mart         VARCHAR NOT NULL,
    row_key      VARCHAR NOT NULL,
    row_json     JSON NOT NULL,
    PRIMARY KEY (quarter_code, version_no, mart, row_key)
);
COMMENT ON TABLE mart_meeting_row IS '会议口径版本的各行：冻结时各评价表该季度的每一行（JSON，之后不再改变）';
COMMENT ON COLUMN mart_meeting_row.quarter_code IS '评价季度';
COMMENT ON COLUMN mart_meeting_row.version_no IS '版本号';
COMMENT ON COLUMN mart_meeting_row.mart IS '评价表名称（如 mart_indicator_quarter、mart_issue）';
COMMENT ON COLUMN mart_meeting_row.row_key IS '行的键（如指标编码、问题编号、指标|镇街）';
COMMENT ON COLUMN mart_meeting_row.row_json IS '冻结时该行的全部字段（JSON）';

-- beside every current indicator row: whether and how it differs from the meeting's (latest) version
ALTER TABLE mart_indicator_quarter ADD COLUMN meeting_version INTEGER;
ALTER TABLE mart_indicator_quarter ADD COLUMN differs_from_meeting BOOLEAN;
ALTER TABLE mart_indicator_quarter ADD COLUMN meeting_light VARCHAR;
ALTER TABLE mart_indicator_quarter ADD COLUMN meeting_score DOUBLE;
ALTER TABLE mart_indicator_quarter ADD COLUMN meeting_value DOUBLE;
ALTER TABLE mart_indicator_quarter ADD COLUMN meeting_fact_revision INTEGER;
ALTER TABLE mart_indicator_quarter ADD COLUMN change_zh VARCHAR;
COMMENT ON COLUMN mart_indicator_quarter.meeting_version IS '对照的会议口径版本号（该季度尚未冻结时为空）';
COMMENT ON COLUMN mart_indicator_quarter.differs_from_meeting IS '与会议口径是否不同（亮灯、得分、数值或数据版本有变化）';
COMMENT ON COLUMN mart_indicator_quarter.meeting_light IS '会议口径的亮灯';
COMMENT ON COLUMN mart_indicator_quarter.meeting_score IS '会议口径的得分';
COMMENT ON COLUMN mart_indicator_quarter.meeting_value IS '会议口径的指标值';
COMMENT ON COLUMN mart_indicator_quarter.meeting_fact_revision IS '会议口径所用数据的修订版本号';
COMMENT ON COLUMN mart_indicator_quarter.change_zh IS '修订后变化说明（亮灯、得分、数值，及引起变化的数据版本和文件）';
COMMENT ON COLUMN mart_indicator_quarter.evaluated_at IS '该行内容最近一次变化的计算时间（内容不变时保留原时间）';
