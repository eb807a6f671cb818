-- The keyed hash (HMAC-SHA256, RFC 2104, under the operator's key) as the 32 bytes stored in person_hash and
-- household_hash. keyed_hash_base64 and id_keyed_hash_base64 are vectorised Java functions (KeyedHash) that exist
-- with the key only while a platform export loads; the key is never SQL text nor a table value. KeyedHash
-- runs this file right after registering them (a macro binds its functions when it is created).

-- keyed_hash(m): the HMAC of any text (户编号).
CREATE OR REPLACE TEMP MACRO keyed_hash(m) AS from_base64(keyed_hash_base64(m));

-- id_keyed_hash(id): the HMAC of a 身份证号 valid by GB 11643, NULL for any other; then gb11643_problem(id)
-- (statements/platform/macros.sql) says why. The Java function checks the number while it hashes (Gb11643.valid: 格式,
-- 地址码, 出生日期 and 校验码, the same rule as gb11643_problem, held to it by PlatformPiecesTest): in SQL the pattern and
-- the date cost 1.3 s of CPU for 5,000,000 lines, and the check digit 17 integer divisions a line.
CREATE OR REPLACE TEMP MACRO id_keyed_hash(id) AS from_base64(id_keyed_hash_base64(id));
