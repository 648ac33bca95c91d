package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.cloud.CloudOnThisMachine;
import com.nbaprops.pcf.local.cloud.Deployment;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.operations.Seeding;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.FunctionHost;
import com.nbaprops.pcf.loopback.PubSubEmulator;
import com.nbaprops.pcf.port.Row;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four days backfilled the way production runs it: the functions under the invoker in processes of
 * their own, the real Pub/Sub emulator, Eventarc's push, the real BigQuery client against the
 * loopback with BigQuery's rules. The code is this build's class path rather than the deploy jars,
 * which the test phase does not build ({@code ./pipeline backfill --cloud-local} runs those).
 */
class CloudLocalBackfillTest {
  private static final DateRange FIRST_DAYS =
      new DateRange(LocalDate.of(2023, 2, 6), LocalDate.of(2023, 2, 9));

  /** A second run on the same cloud: its outcomes are read as the first's were. */
  private static final DateRange NEXT_DAYS =
      new DateRange(LocalDate.of(2023, 2, 10), LocalDate.of(2023, 2, 11));

  @TempDir Path home;

  @Test
  void rangesThroughTheEmulatorAndTheInvokerLandEveryDateWithNoDeadLetter() throws Exception {
    Map<String, String> env = new HashMap<>(System.getenv());
    assumeTrue(
        PubSubEmulator.launcher(env).isPresent(),
        "Pub/Sub emulator not found (no cloud-pubsub-emulator beside gcloud, PUBSUB_EMULATOR_BIN"
            + " unset): skipped");
    env.keySet().removeIf(name -> PipelineConfig.VARIABLES.contains(name));
    env.put(PipelineConfig.RANGE_CHUNK_DAYS, "2"); // several chunks, several instances at once
    StringWriter printed = new StringWriter();
    PrintWriter out = new PrintWriter(printed, true);
    try (LocalRuntime local = LocalRuntime.open(home, env, null, (s, m, l) -> {})) {
      Seeding.seed(local, "2022-23", false, out);
    }
    PipelineConfig config = PipelineConfig.fromEnvironment(env, home.toString());

    int exit;
    int next;
    try (CloudOnThisMachine cloud =
            CloudOnThisMachine.start(
                env,
                config,
                Deployment.terraform().withInstances(SuiteFunction.COMPOSITE_FACTORS, 6),
                Path.of(System.getProperty(FunctionHost.INVOKER_JAR_PROPERTY)),
                function -> System.getProperty("java.class.path"),
                home.resolve("logs"));
        LocalRuntime local = cloud.openRuntime(home, env, null, (s, m, l) -> {}, null)) {
      exit = new Backfill(local, out, Progress.none()).range(FIRST_DAYS, true, true);
      next = new Backfill(local, out, Progress.none()).range(NEXT_DAYS, true, true);
    }

    String report = printed.toString();
    assertThat(exit).isEqualTo(ExitCodes.OK);
    assertThat(next).isEqualTo(ExitCodes.OK);
    assertThat(java.util.regex.Pattern.compile(", 0 not done;").matcher(report).results().count())
        .isEqualTo(2);
    assertThat(report).doesNotContain("LOST");
    assertThat(report).contains("dead letters: 0");
    assertThat(report).contains("transactions: 0 committed, 0 cancelled");
    try (LocalRuntime local = LocalRuntime.open(home, env, null, (s, m, l) -> {})) {
      List<Row> statuses =
          local.query(
              local
                  .sql(
                      "SELECT DISTINCT status FROM {backfill_processing_metadata}"
                          + " WHERE analysis_date BETWEEN @first AND @last")
                  .date("first", FIRST_DAYS.start())
                  .date("last", NEXT_DAYS.end()));
      assertThat(statuses.stream().map(r -> r.string("status")).toList())
          .containsExactly("COMPLETE");
    }
  }
}
