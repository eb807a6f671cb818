-- V110: quarantined files. A file is marked 'processing' in its own committed etl_file row while it is read; a
-- launch that finds such a row left by a run that died (killed inside the file's parse) moves the file out of
-- the inbox into the quarantine folder and records it 'quarantined', with the inbox path it was taken from.
ALTER TABLE etl_file ADD COLUMN quarantined_from VARCHAR;
COMMENT ON COLUMN etl_file.quarantined_from IS '隔离文件原来在收件箱中的路径（已移入隔离文件夹，path 为隔离后的位置）；未隔离为空';
COMMENT ON COLUMN etl_file.status IS '状态：processing 读取中 / loaded 已入库 / loaded_with_rejects 部分退回 / unrecognised 未识别 / failed 失败 / quarantined 已隔离 / duplicate 重复';
