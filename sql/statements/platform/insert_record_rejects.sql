-- The rejected lines of one record-level export, for etl_reject: lines DuckDB's reader could not take
-- (platform_read_rejects: wrong column count, unparseable number) and lines that failed the checks in
-- stg_platform_records (resolved with statements/platform/lookups.sql; accepted_ordinal from statements/platform/staged_records.sql). Line numbers
-- count records with the header as line 1 (they are the editor's line numbers unless a quoted field holds a line
-- break). raw_value never holds a raw 身份证号, phone number or name: checks keep an ID masked, from the reader's rejects
-- only the unparseable number is kept, never the line, and every raw_value passes mask_personal (macros.sql), so an ID
-- or a phone typed into the amount, the division-code or any other column is masked too.
-- ${header_names}: the file's header texts, to name the column of an unparseable number as the file does.
INSERT INTO etl_reject (file_id, file_name, sheet_name, row_number, cell_ref, raw_value, reason_code, message_zh,
                        job_execution_id)
WITH read_errors AS (
    -- one reason a line: a wrong column count first (it explains any cast error after it), else the first column
    SELECT line, arg_min(error_type, priority) AS error_type, arg_min(error_message, priority) AS error_message,
           arg_min(column_idx, priority) AS column_idx
    FROM (SELECT *, CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN -1
                         ELSE coalesce(column_idx, 0) END AS priority
          FROM platform_read_rejects)
    GROUP BY line
),
read_rejected AS (
    SELECT line,
           CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS') THEN 'WRONG_COLUMN_COUNT'
                WHEN error_type = 'CAST' THEN 'BAD_NUMBER'
                ELSE 'BAD_LINE' END AS reason_code,
           CASE WHEN error_type = 'CAST' THEN regexp_extract(error_message, 'string "(.*)" to', 1) END AS raw_value,
           CASE WHEN error_type IN ('MISSING COLUMNS', 'TOO MANY COLUMNS')
                    THEN '列数不符：表头有 ' || ${column_count} || ' 列，本行 '
                         || coalesce(nullif(regexp_extract(error_message, 'Found: ([0-9]+)', 1), ''), '不同') || ' 列'
                WHEN error_type = 'CAST' THEN '“' || ${header_names}[CAST(column_idx AS BIGINT)] || '”应为数字'
                ELSE '该行无法解析（引号不成对或格式错误）' END AS message_zh
    FROM read_errors
),
-- accepted rows before the j-th rejected line: its line - header - j
shifts AS (
    SELECT line - 1 - row_number() OVER (ORDER BY line) AS accepted_before FROM read_errors
),
-- A line's own problem first, then its town, its period
checked_rejected AS (
    SELECT s.accepted_ordinal,
           coalesce(s.reason_code, CASE WHEN t.town_code IS NULL THEN 'UNKNOWN_DIVISION'
                                        WHEN p.period_code IS NULL THEN 'BAD_PERIOD' END) AS reason_code,
           CASE WHEN s.reason_code IS NOT NULL THEN s.raw_value
                WHEN t.town_code IS NULL THEN s.division_code
                ELSE s.period_text END AS raw_value
    FROM stg_platform_records s
    LEFT JOIN platform_town_lookup t USING (division_code)
    LEFT JOIN platform_period_lookup p USING (period_text)
    WHERE s.reason_code IS NOT NULL OR t.town_code IS NULL OR p.period_code IS NULL
)
SELECT ${file_id}, ${file_name}, NULL, line, NULL, mask_personal(raw_value), reason_code, message_zh, ${job_execution_id}
FROM read_rejected
UNION ALL
SELECT ${file_id}, ${file_name}, NULL,
       1 + c.accepted_ordinal + (SELECT count(*) FROM shifts s WHERE s.accepted_before < c.accepted_ordinal),
       NULL, mask_personal(c.raw_value), c.reason_code,
       CASE c.reason_code
           WHEN 'ID_MISSING' THEN '身份证号为空'
           WHEN 'ID_FORMAT' THEN '身份证号格式不正确：应为18位，前17位为数字，末位为数字或X'
           WHEN 'ID_REGION' THEN '身份证号地址码无效：前两位不是省级行政区划代码'
           WHEN 'ID_BIRTH_DATE' THEN '身份证号中的出生日期无效'
           WHEN 'ID_CHECK_DIGIT' THEN '身份证号校验码错误（GB 11643）'
           WHEN 'UNKNOWN_DIVISION' THEN '行政区划代码不是诸暨市的镇街代码（12位或9位）'
           WHEN 'BAD_PERIOD' THEN '统计期无法识别：可写 2024Q2、2024年第二季度、2024-06、202406（月份须为季末月）'
           WHEN 'MISSING_HOUSEHOLD' THEN '户编号为空'
           WHEN 'MISSING_AMOUNT' THEN '月保障金额为空'
           WHEN 'NEGATIVE_AMOUNT' THEN '月保障金额不能为负数'
           WHEN 'MISSING_NAME' THEN '机构名称为空'
           WHEN 'MISSING_NUMBER' THEN '托位数为空'
           WHEN 'NEGATIVE_NUMBER' THEN '托位数不能为负数'
           WHEN 'BAD_FLAG' THEN '是否普惠应填“是”或“否”'
           ELSE c.reason_code END,
       ${job_execution_id}
FROM checked_rejected c;
