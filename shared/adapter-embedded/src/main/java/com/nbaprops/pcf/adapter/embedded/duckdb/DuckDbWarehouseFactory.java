package com.nbaprops.pcf.adapter.embedded.duckdb;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import com.nbaprops.pcf.table.Tables;
import java.nio.file.Path;

/** {@code duckdb:FILE}: the embedded warehouse, with every table created on first use. */
public final class DuckDbWarehouseFactory extends BackendFactory<Warehouse> {
  public DuckDbWarehouseFactory() {
    super(Warehouse.class, "duckdb");
  }

  @Override
  public Warehouse open(BackendSpec spec, PipelineRuntimeContext context) {
    DuckDbWarehouse warehouse =
        DuckDbWarehouse.open(Path.of(spec.requireLocation()), context.config().catalog());
    // The cloud tables belong to Terraform; the embedded ones are the warehouse's own.
    warehouse.createTables(Tables.ALL);
    return warehouse;
  }
}
