-- V050: the 核实性 review in the marts (责任单位): how many of a bureau's figures a 核实性 rule
-- flagged are still 待核实, and how many are 已说明, so BI tools and the report see who owes a 情况说明.
ALTER TABLE mart_bureau_quarter ADD COLUMN verify_pending BIGINT DEFAULT 0;
ALTER TABLE mart_bureau_quarter ADD COLUMN verify_explained BIGINT DEFAULT 0;
COMMENT ON COLUMN mart_bureau_quarter.verify_pending IS '核实性审核发现、尚未说明（待核实）的数据项数（数据期截至本季度，仅计当前有效数据）';
COMMENT ON COLUMN mart_bureau_quarter.verify_explained IS '核实性审核发现、已收到情况说明（已说明）的数据项数（数据期截至本季度）';
