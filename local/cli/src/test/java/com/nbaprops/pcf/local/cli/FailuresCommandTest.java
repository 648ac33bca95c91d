package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.sql.Sql;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rejected message is read, then acknowledged; it does not stay an open failure for ever. */
class FailuresCommandTest {
  @TempDir Path home;

  private int run(String... args) {
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setErr(new PrintWriter(new StringWriter()));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  private long open(String category) {
    try (LocalRuntime local =
        LocalRuntime.open(home, Map.of(), SeasonFixture.TODAY, (s, m, l) -> {})) {
      return local
          .runtime()
          .warehouse()
          .query(
              Sql.of(
                      "SELECT COUNT(*) AS n FROM nba_orchestration.precompute_failures"
                          + " WHERE resolution_status = 'UNRESOLVED' AND failure_category = @c")
                  .string("c", category))
          .get(0)
          .int64("n");
    }
  }

  @Test
  void rejectedMessagesAreAcknowledgedAndADatesFailuresAreLeftToHeal() {
    try (LocalRuntime local = SeasonFixture.FEBRUARY_BACKFILLED.open(home)) {
      SeasonFixture.breakFebruary23(local); // an INCOMPLETE date with its failure
    }
    run("--today", "2023-03-10", "publish", "composite-factors-requests", "{\"isBackfill\":true}");
    assertThat(open("INVALID_MESSAGE")).isEqualTo(1);

    assertThat(run("--today", "2023-03-10", "failures", "--ack-rejected"))
        .isEqualTo(ExitCodes.PROBLEM); // the date's failure is still open

    assertThat(open("INVALID_MESSAGE")).isEqualTo(0);
    assertThat(open("INCOMPLETE_COVERAGE")).isEqualTo(1);
  }
}
