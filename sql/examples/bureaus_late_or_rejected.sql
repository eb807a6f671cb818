-- Which bureaus were late, or had the most rejected rows, in the latest evaluated quarter?
-- The 催报 and 退回修改 conversation for the dispatch meeting.
-- Run: jobs/run query sql/examples/bureaus_late_or_rejected.sql
WITH latest AS (
    SELECT max(quarter_code) AS quarter_code
    FROM mart_bureau_quarter
    WHERE submissions_received > 0
)
SELECT b.quarter_code                      AS 季度,
       b.bureau_name                       AS 责任单位,
       b.submissions_expected              AS 应报,
       b.submissions_received              AS 已报,
       b.submissions_on_time               AS 按时,
       b.submissions_late                  AS 逾期,
       b.submission_deadline               AS 报送截止日,
       b.rows_submitted                    AS 报送行数,
       b.rows_rejected                     AS 退回行数,
       round(100 * b.rejected_share, 2)    AS "退回率(%)",
       b.red                               AS 红灯指标,
       b.open_issues                       AS 未整改问题
FROM mart_bureau_quarter b
JOIN latest USING (quarter_code)
ORDER BY b.submissions_late DESC, b.rejected_share DESC NULLS LAST, b.bureau_name;
