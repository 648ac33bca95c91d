package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A command's exit code says what became of the work, whichever side of it the options stand. */
class ExitCodesTest {
  @TempDir Path home;
  private Map<String, String> env;

  @BeforeEach
  void seedTheIncident() {
    SeasonFixture.INCIDENT.open(home).close();
    env = Map.of("PIPELINE_HOME", home.toString());
  }

  private int run(String... args) {
    var cli = PipelineCli.commandLine(env);
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void aMessageAFunctionRejectsIsBadInput() {
    assertThat(run("publish", "composite-factors-requests", "not json", "--today", "2023-03-10"))
        .isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aSweepThatFindsAnIncompleteDateIsAProblem() {
    // The incident season has box scores but no composite factors yet: 2023-02-23 is INCOMPLETE.
    assertThat(
            run(
                "publish",
                "metadata-tracking-trigger",
                "{\"start_date\":\"2023-02-23\",\"end_date\":\"2023-02-23\"}",
                "--today",
                "2023-03-10"))
        .isEqualTo(ExitCodes.PROBLEM);
  }

  @Test
  void aProductionModeRunThatWritesOneOf187IsAProblem() {
    assertThat(run("--today", "2023-03-10", "reprocess", "2023-02-23", "--no-backfill-mode"))
        .isEqualTo(ExitCodes.PROBLEM);
  }

  @Test
  void aCompleteDateIsOkWhereverTheOptionsStand() {
    assertThat(run("reprocess", "2023-02-23", "--today", "2023-03-10")).isEqualTo(ExitCodes.OK);
    assertThat(run("--today", "2023-03-10", "-v", "reprocess", "2023-02-23"))
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void theClockOptionCountsBeforeTheSubCommandToo() {
    // 2023-03-15 is ahead of 2023-03-10: refused as bad input, but only if --today was taken.
    assertThat(run("--today", "2023-03-10", "reprocess", "2023-03-15")).isEqualTo(ExitCodes.USAGE);
    assertThat(run("reprocess", "2023-03-15", "--today", "2023-03-10")).isEqualTo(ExitCodes.USAGE);
  }
}
