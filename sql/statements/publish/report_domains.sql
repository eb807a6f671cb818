-- 分领域评价: the quarter's domains (${quarter}), in the plan's order.
SELECT * FROM mart_domain_quarter WHERE quarter_code = ${quarter} ORDER BY sort_order
