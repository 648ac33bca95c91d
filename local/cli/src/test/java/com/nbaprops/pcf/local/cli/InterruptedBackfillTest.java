package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backfill stopped half-way (Ctrl-C, a kill) says what it did and how to finish. */
class InterruptedBackfillTest {
  @TempDir Path home;

  @Test
  void aBackfillStoppedHalfWayPrintsItsRunAndTheCommandThatFinishesIt() throws Exception {
    SeasonFixture.SEASON.open(home).close();
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            PipelineCli.class.getName(),
            "--today",
            "2023-03-10",
            "backfill",
            "2022-10-18",
            "2023-03-09",
            "--force");
    builder.environment().put("PIPELINE_HOME", home.toString());
    Process backfill = builder.start();
    BufferedReader progress =
        new BufferedReader(
            new InputStreamReader(backfill.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    do {
      line = progress.readLine();
    } while (line != null && !line.startsWith("["));
    assertThat(line).isNotNull(); // the first date is done: the run is under way

    // SIGTERM, which runs the shutdown hooks as Ctrl-C does; through the handle, so our end of the
    // pipes stays open to read what it printed.
    backfill.toHandle().destroy();
    String out = new String(backfill.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(backfill.waitFor(60, TimeUnit.SECONDS)).isTrue();

    assertThat(out).contains("interrupted: run run-");
    assertThat(out).contains("Finish the rest with: ./pipeline heal 2022-10-18 2023-03-09");
  }
}
