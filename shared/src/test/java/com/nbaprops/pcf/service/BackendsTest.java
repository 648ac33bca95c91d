package com.nbaprops.pcf.service;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nbaprops.pcf.adapter.duckdb.DuckDbWarehouse;
import com.nbaprops.pcf.adapter.local.LocalEventBus;
import com.nbaprops.pcf.adapter.pubsub.PubSubEventBus;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.StructuredLog;
import java.nio.file.Files;
import java.time.Clock;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendsTest {
  @TempDir Path home;

  @Test
  void onCloudFunctionsTheDefaultsAreTheCloudServices() {
    Map<String, String> settings =
        Backends.withDefaults(Map.of("K_SERVICE", "composite-factors", "BLOBS", "gcs:props-prod-backups"));

    assertThat(settings).containsEntry("WAREHOUSE", "bigquery");
    assertThat(settings).containsEntry("BUS", "pubsub");
  }

  @Test
  void theCloudBackendsWithoutCredentialsStopAtStartUpSayingHowToFixIt() {
    assumeTrue(
        System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null
            && !Files.exists(Path.of(System.getProperty("user.home"), ".config/gcloud/application_default_credentials.json")),
        "this machine has Google Cloud credentials");

    var e =
        assertThrows(
            ConfigException.class,
            () -> Backends.open(Map.of("K_SERVICE", "composite-factors", "PROJECT_ID", "props-prod", "BLOBS", "gcs:b")));

    assertThat(e).hasMessageThat().contains("bigquery needs Google Cloud credentials");
    assertThat(e).hasMessageThat().contains("gcloud auth application-default login");
  }

  @Test
  void thePubSubAdapterTalksToTheEmulatorWithoutCredentials() {
    PipelineConfig config = PipelineConfig.fromEnvironment(Map.of("BUS", "pubsub"), home.toString());

    var bus = Backends.bus(config, Map.of("PUBSUB_EMULATOR_HOST", "127.0.0.1:1"), Clock.systemUTC(),
        StructuredLog.to((s, m, l) -> {}));

    assertThat(bus).isInstanceOf(PubSubEventBus.class);
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
