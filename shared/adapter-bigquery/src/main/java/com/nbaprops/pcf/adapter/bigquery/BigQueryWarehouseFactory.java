package com.nbaprops.pcf.adapter.bigquery;

import com.google.cloud.NoCredentials;
import com.google.cloud.bigquery.BigQueryOptions;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;

/**
 * {@code bigquery[:PROJECT]}: BigQuery in that project, or in {@code PROJECT_ID}, with the default
 * credentials; or, when {@code BIGQUERY_EMULATOR_HOST} names a {@code host:port}, the BigQuery REST
 * API served there over plain HTTP without credentials (an emulator, or the benchmark's loopback),
 * as {@code PUBSUB_EMULATOR_HOST} does for Pub/Sub.
 */
public final class BigQueryWarehouseFactory extends BackendFactory<Warehouse> {
  public BigQueryWarehouseFactory() {
    super(Warehouse.class, "bigquery");
  }

  /** Where an emulator of the BigQuery REST API listens, as {@code host:port}. */
  public static final String EMULATOR_HOST = "BIGQUERY_EMULATOR_HOST";

  @Override
  public Warehouse open(BackendSpec spec, PipelineRuntimeContext context) {
    BigQueryOptions.Builder builder =
        BigQueryOptions.newBuilder().setProjectId(spec.projectOr(context.config().projectId()));
    String emulator = context.env().get(EMULATOR_HOST);
    if (emulator != null && !emulator.isBlank()) {
      builder.setHost("http://" + emulator).setCredentials(NoCredentials.getInstance());
    }
    BigQueryOptions options = builder.build();
    if (options.getCredentials() == null) {
      throw ConfigException.noCredentials(spec.toString());
    }
    return new BigQueryWarehouse(
        options.getService(),
        context.config().catalog(),
        JobRetry.standard(StructuredLog.to(context.logSink())));
  }
}
