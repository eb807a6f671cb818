-- 责任单位: each bureau's lights, open issues and submissions in the quarter (${quarter}).
SELECT * FROM mart_bureau_quarter WHERE quarter_code = ${quarter} ORDER BY bureau_code
