package com.nbaprops.pcf.adapter.local;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedBackendsTest {
  @TempDir Path home;

  @Test
  void offCloudFunctionsTheDefaultsAreEmbedded() {
    PipelineRuntime runtime =
        Backends.open(
            FunctionName.UPCOMING_TABLES_CLEANUP, Map.of("PIPELINE_HOME", home.toString()));

    assertThat(runtime.warehouse()).isInstanceOf(DuckDbWarehouse.class);
    assertThat(runtime.bus()).isInstanceOf(LocalEventBus.class);
    assertThat(runtime.blobs()).isInstanceOf(LocalDirectoryBlobStore.class);
    runtime.warehouse().close();
  }
}
