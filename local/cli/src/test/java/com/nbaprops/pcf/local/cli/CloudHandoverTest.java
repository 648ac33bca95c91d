package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.loopback.LoopbackPubSub;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/** A request handed to the deployed functions: the CLI names the project it really went to. */
@Isolated // swaps System.out, which every class running beside it would write to
class CloudHandoverTest {
  @TempDir Path home;

  @Test
  void aReprocessOnPubSubNamesTheBussProjectNotTheConfiguredOne() throws Exception {
    try (LoopbackPubSub pubsub = new LoopbackPubSub()) {
      PrintStream original = System.out;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      int exit;
      try {
        var cli =
            PipelineCli.commandLine(
                Map.of("PIPELINE_HOME", home.toString(), "PUBSUB_EMULATOR_HOST", pubsub.host()));
        cli.setErr(new PrintWriter(new StringWriter()));
        exit =
            cli.execute(
                "--today", "2023-03-10", "reprocess", "2023-02-23", "--bus", "pubsub:demo-project");
      } finally {
        System.setOut(original);
      }

      assertThat(exit).isEqualTo(ExitCodes.OK);
      assertThat(pubsub.requests().get(0).getTopic())
          .isEqualTo("projects/demo-project/topics/composite-factors-requests");
      assertThat(out.toString(StandardCharsets.UTF_8))
          .contains("to projects/demo-project/topics/composite-factors-requests");
    }
  }

  @Test
  void theClientLibrariesLoggingHasAProviderSoSlf4jPrintsNoWarning() {
    assertThat(java.util.ServiceLoader.load(org.slf4j.spi.SLF4JServiceProvider.class).findFirst())
        .isPresent();
  }
}
