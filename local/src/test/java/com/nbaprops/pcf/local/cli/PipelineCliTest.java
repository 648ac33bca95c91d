package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Usage errors exit 2 before anything is opened or written. */
class PipelineCliTest {
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    var cli = PipelineCli.commandLine();
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  @Test
  void anImpossibleDateIsBadUsage() {
    assertThat(run("reprocess", "2023-02-30")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("not a valid date");
  }

  @Test
  void aMissingArgumentIsBadUsage() {
    assertThat(run("backfill", "2023-02-01")).isEqualTo(ExitCodes.USAGE);
  }

  @Test
  void aReversedRangeIsBadUsage() {
    assertThat(run("preflight", "2023-02-28", "2023-02-01")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("after END");
  }

  @Test
  void helpIsOk() {
    assertThat(run("backfill", "--help")).isEqualTo(ExitCodes.OK);
  }

  @Test
  void aZeroTtlIsBadUsage() {
    assertThat(run("cleanup", "--ttl-days", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("--ttl-days must be between 1");
  }

  @Test
  void restoringATableTheCleanupDoesNotTouchIsBadUsage() {
    assertThat(run("restore", "player_game_summary", "2023-02-23")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("upcoming_player_game_context");
  }

  @Test
  void seedingARealWarehouseIsRefused() {
    assertThat(run("seed", "--warehouse", "bigquery:nba-props-platform"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("embedded warehouse only");
  }
}
