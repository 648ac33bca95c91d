package com.nbaprops.pcf.adapter.embedded;

import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.table.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A complete runtime in one process: in-memory DuckDB with every table, the local bus, a blob
 * directory.
 */
public final class EmbeddedRuntime {
  private EmbeddedRuntime() {}

  public static PipelineRuntime inMemory(
      Map<String, String> env, Path blobDir, Clock clock, LogSink logSink) {
    PipelineConfig config = PipelineConfig.fromEnvironment(env, blobDir.toString());
    DuckDbWarehouse warehouse = DuckDbWarehouse.inMemory(config.catalog());
    warehouse.createTables(Tables.ALL);
    return new PipelineRuntime(
        config,
        warehouse,
        new LocalEventBus(
            config.projectId(),
            LocalEventBus.MAX_DELIVERY_ATTEMPTS,
            clock,
            StructuredLog.to(logSink)),
        new LocalDirectoryBlobStore(blobDir),
        clock,
        logSink);
  }
}
