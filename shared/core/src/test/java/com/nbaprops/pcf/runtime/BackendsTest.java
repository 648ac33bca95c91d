package com.nbaprops.pcf.runtime;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.port.Warehouse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendsTest {
  private static final Map<String, String> TEST_BACKENDS =
      Map.of("WAREHOUSE", "test", "BUS", "test", "BLOBS", "test:bucket");

  @Test
  void onCloudFunctionsTheDefaultsAreTheCloudServices() {
    Map<String, String> settings =
        Backends.withCloudDefaults(
            FunctionName.COMPOSITE_FACTORS, Map.of("K_SERVICE", "composite-factors"));

    assertThat(settings).containsEntry("WAREHOUSE", "bigquery");
    assertThat(settings).containsEntry("BUS", "pubsub");
  }

  @Test
  void onCloudFunctionsTheCleanupMustNameItsBackupBucket() {
    var e =
        assertThrows(
            ConfigException.class,
            () ->
                Backends.withCloudDefaults(
                    FunctionName.UPCOMING_TABLES_CLEANUP,
                    Map.of("K_SERVICE", "upcoming-tables-cleanup")));

    assertThat(e).hasMessageThat().contains("BLOBS must name the backup bucket");
  }

  @Test
  void aFunctionThatKeepsNoBackupsNeedsNoBucket() {
    assertThat(
            Backends.withCloudDefaults(
                FunctionName.METADATA_TRACKING, Map.of("K_SERVICE", "metadata-tracking")))
        .doesNotContainKey("BLOBS");
  }

  @Test
  void aKindThisDeploymentCannotOpenIsRefusedNamingTheVariableAndTheKindsItHas() {
    var e =
        assertThrows(
            ConfigException.class,
            () ->
                Backends.open(
                    FunctionName.COMPOSITE_FACTORS,
                    Map.of("WAREHOUSE", "postgres:db", "BUS", "test")));

    assertThat(e).hasMessageThat().contains("WAREHOUSE='postgres:db'");
    assertThat(e).hasMessageThat().contains("[test]");
  }

  @Test
  void aFunctionOpensOnlyThePortsItUses() {
    PipelineRuntime runtime =
        Backends.open(
            FunctionName.METADATA_TRACKING,
            Map.of("WAREHOUSE", "test", "BUS", "test", "BLOBS", "nonexistent:x"));

    var e = assertThrows(IllegalStateException.class, () -> runtime.blobs().list(""));
    assertThat(e).hasMessageThat().contains("metadata-tracking keeps no blobs");
    assertThat(runtime.bus().toString()).isEqualTo("test bus");
  }

  @Test
  void theCleanupOpensAllThree() {
    PipelineRuntime runtime = Backends.open(FunctionName.UPCOMING_TABLES_CLEANUP, TEST_BACKENDS);

    assertThat(runtime.warehouse().toString()).isEqualTo("test warehouse");
    assertThat(runtime.bus().toString()).isEqualTo("test bus");
    assertThat(runtime.blobs().toString()).isEqualTo("test blobs in bucket");
  }

  @Test
  void theKindsComeFromTheFactoriesOnTheClassPath() {
    assertThat(Backends.kinds(Warehouse.class)).containsExactly("test");
  }

  @Test
  void eachFunctionOfAProcessGetsTheRuntimeOfItsOwnPorts() {
    PipelineRuntime tracking = Backends.forFunction(FunctionName.METADATA_TRACKING, TEST_BACKENDS);
    PipelineRuntime cleanup =
        Backends.forFunction(FunctionName.UPCOMING_TABLES_CLEANUP, TEST_BACKENDS);

    assertThat(tracking.blobs().toString()).isEqualTo("unopened BlobStore");
    assertThat(cleanup.blobs().toString()).isEqualTo("test blobs in bucket");
    assertThat(Backends.forFunction(FunctionName.UPCOMING_TABLES_CLEANUP, TEST_BACKENDS))
        .isSameInstanceAs(cleanup);
  }
}
