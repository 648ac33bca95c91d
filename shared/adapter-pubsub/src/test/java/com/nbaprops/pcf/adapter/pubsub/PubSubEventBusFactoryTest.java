package com.nbaprops.pcf.adapter.pubsub;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PubSubEventBusFactoryTest {
  @Test
  void withTheEmulatorHostSetItNeedsNoCredentials() {
    Map<String, String> env = Map.of("PUBSUB_EMULATOR_HOST", "127.0.0.1:1");
    var context =
        new PipelineRuntimeContext(
            PipelineConfig.fromEnvironment(env, "unused"), env, Clock.systemUTC(), (s, m, l) -> {});

    try (var bus =
        (PubSubEventBus)
            new PubSubEventBusFactory().open(BackendSpec.parse("BUS", "pubsub"), context)) {
      assertThat(bus).isNotNull();
    }
  }
}
