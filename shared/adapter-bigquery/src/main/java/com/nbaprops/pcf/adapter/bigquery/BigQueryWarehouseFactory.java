package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.bigquery.BigQueryOptions;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;

/**
 * {@code bigquery[:PROJECT]}: BigQuery in that project, or in {@code PROJECT_ID}, with the default
 * credentials.
 */
public final class BigQueryWarehouseFactory implements BackendFactory<Warehouse> {
  @Override
  public Class<Warehouse> port() {
    return Warehouse.class;
  }

  @Override
  public String kind() {
    return "bigquery";
  }

  @Override
  public Warehouse open(BackendSpec spec, PipelineRuntimeContext context) {
    BigQueryOptions options =
        BigQueryOptions.newBuilder()
            .setProjectId(spec.projectOr(context.config().projectId()))
            .build();
    if (options.getCredentials() == null) {
      throw ConfigException.noCredentials(spec.toString());
    }
    return new BigQueryWarehouse(options.getService(), context.config().catalog());
  }
}
