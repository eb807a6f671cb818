-- Helpers for the 公共数据平台 record-level exports, created per connection (TEMP) before a file is read.
-- Everything here runs inside the same SELECT that reads the CSV, so a raw 身份证号 never reaches a table.

-- GB 11643-1999 公民身份号码: 17 digits and a check character (0-9 or X).
CREATE OR REPLACE TEMP MACRO gb11643_format(id) AS coalesce(regexp_full_match(id, '[0-9]{17}[0-9X]'), false);

-- 地址码: the first two digits must be a province-level division (GB/T 2260). The full six-digit
-- county list changes every year and is not kept here; the province check catches typing slips.
-- 11-15 华北, 21-23 东北, 31-37 华东, 41-46 中南, 50-54 西南, 61-65 西北, 71 台湾, 81-82 港澳.
-- (A pattern, not IN (...): DuckDB plans a constant list as a join, which loses the file's row order.)
CREATE OR REPLACE TEMP MACRO gb11643_region(id) AS
    regexp_full_match(substr(id, 1, 2), '1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12]');

-- 出生日期码: characters 7-14, a real date between 1900-01-01 and today.
CREATE OR REPLACE TEMP MACRO gb11643_birth_date(id) AS coalesce(
    CAST(try_strptime(substr(id, 7, 8), '%Y%m%d') AS DATE) BETWEEN DATE '1900-01-01' AND current_date, false);

-- 校验码: sum of digit x weight (7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2) mod 11 -> '10X98765432'.
-- The digits come from the first 17 characters cast once to a BIGINT (gb11643_digits) and are taken
-- apart by integer division (vectorised) rather than with 17 substr/ascii calls. Where many lines are
-- checked, compute gb11643_digits as a column of its own and use the *_of macros: a macro argument is
-- copied into every place it is used, and inside a CASE or AND DuckDB evaluates each copy (17 casts a line).
-- The staging SELECTs need these rules only to name the reason of a rejected line: whether a number is valid
-- is decided by the hashing function (keyed_hash.sql, Gb11643.valid, held to these rules by a test).
CREATE OR REPLACE TEMP MACRO gb11643_digits(id) AS TRY_CAST(left(id, 17) AS BIGINT);
CREATE OR REPLACE TEMP MACRO gb11643_weighted_sum(n) AS
      (n // 10000000000000000) % 10 * 7 + (n // 1000000000000000) % 10 * 9 + (n // 100000000000000) % 10 * 10
    + (n // 10000000000000) % 10 * 5 + (n // 1000000000000) % 10 * 8 + (n // 100000000000) % 10 * 4
    + (n // 10000000000) % 10 * 2 + (n // 1000000000) % 10 * 1 + (n // 100000000) % 10 * 6
    + (n // 10000000) % 10 * 3 + (n // 1000000) % 10 * 7 + (n // 100000) % 10 * 9
    + (n // 10000) % 10 * 10 + (n // 1000) % 10 * 5 + (n // 100) % 10 * 8 + (n // 10) % 10 * 4 + n % 10 * 2;
-- (only meaningful after gb11643_format; on other input the digits are NULL and the check false)
CREATE OR REPLACE TEMP MACRO gb11643_check_digit_of(id, digits) AS coalesce(
    substr('10X98765432', CAST(gb11643_weighted_sum(digits) % 11 + 1 AS BIGINT), 1) = right(id, 1), false);
CREATE OR REPLACE TEMP MACRO gb11643_check_digit(id) AS gb11643_check_digit_of(id, gb11643_digits(id));

-- 格式, 地址码 and 出生日期 together, the common case first: one pattern and the date (no check digit).
CREATE OR REPLACE TEMP MACRO gb11643_plausible(id) AS
    coalesce(regexp_full_match(id, '(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])[0-9]{15}[0-9X]'), false)
    AND gb11643_birth_date(id);

-- Why the ID is rejected, or NULL when it is valid: all checks at once first, then which one failed, only
-- on the numbers that fail. digits = gb11643_digits(id), precomputed. The staging SELECTs ask this only for
-- the numbers id_keyed_hash (keyed_hash.sql) did not hash.
CREATE OR REPLACE TEMP MACRO gb11643_problem_of(id, digits) AS CASE
    WHEN gb11643_plausible(id) AND gb11643_check_digit_of(id, digits) THEN NULL
    WHEN id IS NULL OR id = '' THEN 'ID_MISSING'
    WHEN NOT gb11643_format(id) THEN 'ID_FORMAT'
    WHEN NOT gb11643_region(id) THEN 'ID_REGION'
    WHEN NOT gb11643_birth_date(id) THEN 'ID_BIRTH_DATE'
    WHEN NOT gb11643_check_digit_of(id, digits) THEN 'ID_CHECK_DIGIT' END;
CREATE OR REPLACE TEMP MACRO gb11643_problem(id) AS gb11643_problem_of(id, gb11643_digits(id));

-- The masked form kept in etl_reject: first six and last four characters, e.g. 330681********123X.
CREATE OR REPLACE TEMP MACRO mask_id(id) AS CASE
    WHEN id IS NULL OR id = '' THEN NULL
    WHEN length(id) >= 14 THEN left(id, 6) || repeat('*', length(id) - 10) || right(id, 4)
    ELSE repeat('*', length(id)) END;

-- keyed_hash(m), the HMAC-SHA256 of 身份证号 and 户编号: sql/statements/platform/keyed_hash.sql, created by KeyedHash with the key.

-- 统计期 as written -> dim_period.period_code: 2024Q2 / 2024年第二季度 / 2024-06 / 202406 -> '2024Q2';
-- 2024 / 2024年 -> '2024'. A month is accepted only at a quarter's end (3, 6, 9, 12); else NULL.
CREATE OR REPLACE TEMP MACRO platform_period(t) AS CASE
    WHEN regexp_full_match(t, '[0-9]{4}Q[1-4]') THEN t
    WHEN regexp_full_match(t, '[0-9]{4}年第[一二三四1-4]季度') THEN left(t, 4) || 'Q'
        || CAST(position(substr(t, 7, 1) IN '一二三四') + position(substr(t, 7, 1) IN '1234') AS VARCHAR)
    WHEN regexp_full_match(t, '[0-9]{4}-?(03|06|09|12)') THEN left(t, 4) || 'Q' || CAST(CAST(right(t, 2) AS INTEGER) // 3 AS VARCHAR)
    WHEN regexp_full_match(t, '[0-9]{4}年?') THEN left(t, 4) END;

-- Personal numbers masked wherever they appear in a text, whatever the column (issue 14): an 18-digit
-- 身份证号 keeps its first six and last four characters (as mask_id), a 15-digit one its first six, a mobile
-- (1[3-9] + 9 digits) its first three, a landline (0 + area code, 7-8 digits, not inside a longer number)
-- its area code. Applied to the text columns a record list keeps (a phone typed into 证书等级 or 机构名称)
-- and, through mask_personal, to every raw_value of a rejected line.
CREATE OR REPLACE TEMP MACRO mask_landline(v) AS
    regexp_replace(v, '(^|[^0-9])(0[0-9]{2,3})[- ]?[0-9]{7,8}($|[^0-9])', '\1\2-********\3', 'g');
CREATE OR REPLACE TEMP MACRO mask_personal_numbers(v) AS mask_landline(mask_landline(
    regexp_replace(regexp_replace(regexp_replace(v,
        '([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])', '\1********\2', 'g'),
        '([0-9]{6})[0-9]{9}', '\1*********', 'g'),
        '(1[3-9][0-9])[0-9]{8}', '\1********', 'g')));
-- A rejected line's raw value: personal numbers masked, and a name-like value replaced by asterisks whole: 2 to 4
-- Chinese characters starting with one of the 100 most common surnames (about 85 % of people), or a surname and a
-- middle dot (minority names), e.g. a 姓名 typed into 统计期 or 是否普惠; other Chinese words (待定, 一千) stay.
CREATE OR REPLACE TEMP MACRO mask_personal(v) AS CASE
    WHEN regexp_full_match(trim(v), '[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤欧阳司上诸葛][\p{Han}]{1,3}|[\p{Han}]{1,4}[·•][\p{Han}]{1,6}')
        THEN repeat('*', length(trim(v)))
    ELSE mask_personal_numbers(v) END;

-- A figure the warehouse can hold (warehouse.FiniteNumbers): finite and at most 2^53 in magnitude.
CREATE OR REPLACE TEMP MACRO finite_figure(x) AS isfinite(x) AND abs(x) <= 9007199254740992;
