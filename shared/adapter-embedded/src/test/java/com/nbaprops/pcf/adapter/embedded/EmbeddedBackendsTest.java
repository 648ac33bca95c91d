package com.nbaprops.pcf.adapter.embedded;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.adapter.embedded.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.runtime.Backends;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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

  @Test
  void aLocalBusTakesANumberOfWorkersFromOneTo64() {
    for (String spec : List.of("local:0", "local:65", "local:many")) {
      var e =
          assertThrows(
              IllegalArgumentException.class,
              () ->
                  LocalEventBusFactory.bus(
                      BackendSpec.parse("BUS", spec),
                      "p",
                      Clock.systemUTC(),
                      StructuredLog.to((s, m, l) -> {})));
      assertThat(e).hasMessageThat().contains("BUS='" + spec + "'");
      assertThat(e).hasMessageThat().contains("from 1 to 64");
    }
  }
}
