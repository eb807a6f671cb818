-- the warehouse's origin, recorded on the first launch (WarehouseOrigin); ? = sample mode, inbox folder
INSERT INTO etl_warehouse_origin (sample_mode, inbox_dir) VALUES (?, ?)
