-- The bureau a file name names: the longest name in dim_bureau_alias (aliases, short and official
-- names) found in it (市卫健局 before 卫健局), or no row. Parameter: the file name.
SELECT bureau_code
FROM dim_bureau_alias
WHERE contains(?, alias)
ORDER BY length(alias) DESC, alias
LIMIT 1;
