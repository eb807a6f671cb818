-- As reported (会议口径) vs as revised: each closed quarter's indicators, the meeting's light and score beside the current ones.
-- 会议口径与修订后口径：各已结束季度的每个指标，调度会所见（冻结的会议版本）与当前（按最新修订数据）的亮灯、得分和数值。
-- As reported vs as revised (docs/analyst-views.md): mart_meeting_row holds each frozen version as JSON; a quarter
-- not frozen yet (no quarterly run since it closed) has no meeting columns. differs_from_meeting and change_zh are
-- computed by the evaluation itself, so this query and the report's 修订后变化 section agree.
SELECT m.quarter_code                                   AS 季度,
       m.indicator_code                                 AS 编码,
       m.indicator_name                                 AS 指标,
       r.version_no                                     AS 会议版本,
       r.row_json ->> 'light_zh'                        AS 会议时亮灯,
       m.light_zh                                       AS 当前亮灯,
       TRY_CAST(r.row_json ->> 'score' AS DOUBLE)       AS 会议时得分,
       m.score                                          AS 当前得分,
       coalesce(m.differs_from_meeting, false)          AS 有变化,
       m.change_zh                                      AS 变化及原因
FROM mart_indicator_quarter m
LEFT JOIN mart_meeting_row r
       ON r.mart = 'mart_indicator_quarter' AND r.quarter_code = m.quarter_code AND r.row_key = m.indicator_code
      AND r.version_no = (SELECT max(v.version_no) FROM mart_meeting_version v WHERE v.quarter_code = m.quarter_code)
WHERE m.is_closed
ORDER BY m.quarter_code DESC, 有变化 DESC, m.indicator_code;
