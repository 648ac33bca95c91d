package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.DateRequest;
import com.nbaprops.pcf.port.EventBus;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.port.WarehouseException;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.testing.Faults;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command that was asked for dates accounts for every one of them, and fails if any failed. */
class SilentSuccessTest {
  @TempDir Path home;

  /** The incident season over a warehouse whose disk fills up at the {@code nth} date written. */
  private LocalRuntime diskFullFrom(int nth) {
    // One date per message: the per-date path, whose writes fail one by one.
    LocalRuntime seeded =
        SeasonFixture.INCIDENT.open(home, Map.of("RANGE_CHUNK_DAYS", "1"), (s, m, l) -> {});
    PipelineRuntime runtime = seeded.runtime();
    Warehouse full =
        Faults.failingFrom(
            Warehouse.class,
            runtime.warehouse(),
            "replacePartition",
            nth,
            () ->
                new WarehouseException(
                    "TransactionContext Error: cannot commit - no transaction is active",
                    new UncheckedIOException(new IOException("No space left on device"))));
    return SeasonFixture.over(seeded, full, home);
  }

  /** A bus of its own, so the functions a test wires to it run over the test's runtime. */
  private static LocalEventBus freshBus(PipelineRuntime runtime) {
    return new LocalEventBus(
        runtime.config().projectId(),
        LocalEventBus.MAX_DELIVERY_ATTEMPTS,
        runtime.clock(),
        StructuredLog.to(runtime.logSink()));
  }

  @Test
  void aBackfillOnAFullDiskNamesEveryFailedDateWithTheCauseAndExitsOne() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (LocalRuntime local = diskFullFrom(4)) {
      code =
          new Backfill(
                  local,
                  new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                  Progress.none())
              .range(Demo.FEBRUARY, true, true);
    }

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(code).isEqualTo(ExitCodes.PROBLEM);
    assertThat(report).contains("22 dates asked");
    // Three dates' factors were written before the disk filled; their metadata writes failed.
    assertThat(report).contains("3 computed");
    assertThat(report).contains("22 not done");
    assertThat(Pattern.compile("NOT DONE").matcher(report).results().count()).isEqualTo(22L);
    assertThat(report).contains("No space left on device");
    assertThat(report).contains("NOT DONE 2023-02-28: dead-lettered");
  }

  @Test
  void deadLettersOutliveTheRunAndAReplayAfterTheFixProcessesThem() {
    LocalDate date = LocalDate.of(2023, 2, 25);
    try (LocalRuntime local = diskFullFrom(1)) {
      local
          .runtime()
          .publisher()
          .publish(
              Topic.COMPOSITE_FACTORS_REQUESTS,
              DateRequest.backfill(date, "run-x").toJson(),
              Attributes.of("run-x", date));
    }
    Map<String, String> env = Map.of("PIPELINE_HOME", home.toString());

    // A new process: the dead letter is still there, with its cause.
    try (LocalRuntime local = SeasonFixture.INCIDENT.open(home)) {
      var letters = local.deadLetters().entries();
      assertThat(letters).hasSize(1);
      assertThat(letters.get(0).lastError()).contains("No space left on device");
      assertThat(letters.get(0).attributes()).containsEntry("run_id", "run-x");
    }
    assertThat(cli(env, "deadletters")).isEqualTo(ExitCodes.PROBLEM);

    // The disk has room again: the replay is processed like a new message.
    assertThat(cli(env, "replay", "composite-factors-requests", "--all", "--today", "2023-03-10"))
        .isEqualTo(ExitCodes.OK);
    assertThat(cli(env, "deadletters")).isEqualTo(ExitCodes.OK);
    try (LocalRuntime local =
        LocalRuntime.open(home, Map.of(), SeasonFixture.TODAY, (s, m, l) -> {})) {
      assertThat(
              local
                  .runtime()
                  .warehouse()
                  .query(
                      Sql.of(
                              "SELECT COUNT(*) AS n FROM nba_precompute.player_composite_factors"
                                  + " WHERE game_date = @d")
                          .date("d", date))
                  .get(0)
                  .int64("n"))
          .isEqualTo(154);
    }
  }

  private static int cli(Map<String, String> env, String... args) {
    var cli = PipelineCli.commandLine(env);
    cli.setErr(new java.io.PrintWriter(new java.io.StringWriter()));
    return cli.execute(args);
  }

  @Test
  void aDateWhoseChainStopsSilentlyIsNotDoneEvenWithAnEarlierCompleteRow() {
    LocalRuntime seeded = SeasonFixture.FEBRUARY_BACKFILLED.open(home);
    PipelineRuntime runtime = seeded.runtime();
    LocalEventBus bus = freshBus(runtime);
    // Verdicts vanish on their way to metadata-tracking, without an error anywhere.
    String validated = runtime.config().topic(Topic.COVERAGE_VALIDATED);
    EventBus lossy =
        (topic, data, attributes) ->
            topic.equals(validated) ? "lost" : bus.publish(topic, data, attributes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code;
    try (LocalRuntime local = LocalRuntime.of(runtime.withBus(lossy), bus, home)) {
      code =
          new Backfill(
                  local,
                  new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true),
                  Progress.none())
              .range(
                  new DateRange(LocalDate.of(2023, 2, 25), LocalDate.of(2023, 2, 25)), false, true);
    }

    // 2023-02-25 still has the COMPLETE row of the earlier backfill: that is not this run's
    // outcome.
    assertThat(code).isEqualTo(ExitCodes.PROBLEM);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("NOT DONE 2023-02-25: not tracked");
  }
}
