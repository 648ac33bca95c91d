package com.nbaprops.pcf.adapter.bigquery;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BigQueryWarehouseFactoryTest {
  @Test
  void withoutCredentialsItStopsAtStartUpSayingHowToFixIt() {
    assumeTrue(
        System.getenv("GOOGLE_APPLICATION_CREDENTIALS") == null
            && !Files.exists(
                Path.of(
                    System.getProperty("user.home"),
                    ".config/gcloud/application_default_credentials.json")),
        "this machine has Google Cloud credentials");
    var context =
        new PipelineRuntimeContext(
            PipelineConfig.fromEnvironment(Map.of(), "unused"),
            Map.of(),
            Clock.systemUTC(),
            (s, m, l) -> {});

    var e =
        assertThrows(
            ConfigException.class,
            () ->
                new BigQueryWarehouseFactory()
                    .open(BackendSpec.parse("WAREHOUSE", "bigquery:props-prod"), context));

    assertThat(e).hasMessageThat().contains("bigquery:props-prod needs Google Cloud credentials");
    assertThat(e).hasMessageThat().contains("gcloud auth application-default login");
  }
}
