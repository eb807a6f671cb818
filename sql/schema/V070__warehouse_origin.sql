-- V070: where the warehouse's data comes from, so that the bundled samples never reach a real warehouse and real
-- data never lands in the sample one. One row, written by the launcher the first time a job runs on the warehouse
-- (com.qiyouxiang.operations.WarehouseOrigin), read by every launch after it.
CREATE TABLE etl_warehouse_origin (
    sample_mode  BOOLEAN   NOT NULL,
    inbox_dir    VARCHAR   NOT NULL,
    created_at   TIMESTAMP NOT NULL DEFAULT current_timestamp
);
COMMENT ON TABLE etl_warehouse_origin IS '数据仓库的来源：示例模式（自带示例数据）或正式数据，及首次运行时的收件箱';
COMMENT ON COLUMN etl_warehouse_origin.sample_mode IS '是否为示例仓库（自带示例收件箱 samples/inbox 的数据）';
COMMENT ON COLUMN etl_warehouse_origin.inbox_dir IS '首次运行时配置的收件箱（绝对路径）';
COMMENT ON COLUMN etl_warehouse_origin.created_at IS '记录时间';

-- a warehouse made before V070 that already holds files from the bundled samples is a sample warehouse
INSERT INTO etl_warehouse_origin (sample_mode, inbox_dir)
SELECT true, '(before V070) ' || min(path)
FROM etl_file
WHERE replace(path, '\', '/') LIKE '%/samples/inbox/%'
HAVING count(*) > 0;
