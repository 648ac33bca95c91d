package com.nbaprops.pcf.service;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.adapter.bigquery.BigQueryWarehouse;
import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.gcs.GcsBlobStore;
import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.adapter.pubsub.PubSubEventBus;
import com.nbaprops.pcf.config.ConfigException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsTest {
  @TempDir Path home;

  @Test
  void onCloudFunctionsTheDefaultsAreTheCloudServices() {
    PipelineRuntime runtime =
        Backends.open(
            Map.of("K_SERVICE", "composite-factors", "PROJECT_ID", "props-prod", "BLOBS", "gcs:props-prod-backups",
                "PUBSUB_EMULATOR_HOST", "127.0.0.1:1"));

    assertThat(runtime.warehouse()).isInstanceOf(BigQueryWarehouse.class);
    assertThat(runtime.bus()).isInstanceOf(PubSubEventBus.class);
    assertThat(runtime.blobs()).isInstanceOf(GcsBlobStore.class);
    assertThat(runtime.blobs().describe("a")).isEqualTo("gs://props-prod-backups/a");
  }

  @Test
  void onCloudFunctionsTheBackupBucketMustBeNamed() {
    var e = assertThrows(ConfigException.class, () -> Backends.open(Map.of("K_SERVICE", "upcoming-tables-cleanup")));

    assertThat(e).hasMessageThat().contains("BLOBS must name the backup bucket");
  }

  @Test
  void elsewhereTheDefaultsAreEmbedded() {
    PipelineRuntime runtime = Backends.open(Map.of("PIPELINE_HOME", home.toString()));

    assertThat(runtime.warehouse()).isInstanceOf(DuckDbWarehouse.class);
    assertThat(runtime.bus()).isInstanceOf(LocalEventBus.class);
    runtime.warehouse().close();
  }

  @Test
  void anUnknownBackendIsRefusedWithTheChoices() {
    var e = assertThrows(ConfigException.class, () -> Backends.open(Map.of("WAREHOUSE", "postgres:db")));

    assertThat(e).hasMessageThat().contains("[duckdb, bigquery]");
  }
}
