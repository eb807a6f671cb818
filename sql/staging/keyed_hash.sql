-- The keyed hash (HMAC-SHA256, RFC 2104, under the operator's key) as the 32 bytes stored in person_hash and
-- household_hash. keyed_hash_base64 and id_keyed_hash_base64 are vectorised Java functions (KeyedHash) that exist
-- with the key only while a platform export loads; the key is never SQL text nor a table value. KeyedHash
-- runs this file right after registering them (a macro binds its functions when it is created).

-- keyed_hash(m): the HMAC of any text (户编号).
CREATE OR REPLACE TEMP MACRO keyed_hash(m) AS from_base64(keyed_hash_base64(m));

-- id_keyed_hash(id): the HMAC of a 身份证号 valid by GB 11643, NULL for any other; then gb11643_problem(id)
-- (platform_macros.sql) says why. 格式, 地址码 and 出生日期 are checked here (gb11643_plausible), the 校验码 by the Java function
-- while it hashes (the same rule as gb11643_check_digit_of, which in SQL costs 17 integer divisions a line).
-- CASE runs the function only on the numbers that pass the first checks.
CREATE OR REPLACE TEMP MACRO id_keyed_hash(id) AS CASE WHEN gb11643_plausible(id) THEN from_base64(id_keyed_hash_base64(id)) END;
