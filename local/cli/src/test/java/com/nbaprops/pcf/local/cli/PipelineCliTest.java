package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Usage errors exit 2 before anything is opened or written. */
class PipelineCliTest {
  private final StringWriter err = new StringWriter();
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    return run(Map.of(), args);
  }

  private int run(Map<String, String> env, String... args) {
    var cli = PipelineCli.commandLine(env);
    cli.setErr(new PrintWriter(err));
    cli.setOut(new PrintWriter(out, true));
    return cli.execute(args);
  }

  @Test
  void theLogFormatIsAcceptedAsTheHelpWritesIt(@TempDir Path home) {
    for (String format : new String[] {"json", "text", "JSON"}) {
      assertThat(run(Map.of("PIPELINE_HOME", home.toString()), "--log-format", format, "status"))
          .isEqualTo(ExitCodes.OK);
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aDateOutOfRangeIsRefusedInWordsWithoutJavasNames() {
    assertThat(run("--today", "1900-01-01", "status")).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("1900-01-01");
    assertThat(err.toString()).doesNotContain("Exception");
    assertThat(err.toString()).doesNotContain("com.nbaprops");
  }

  @Test
  void aReprocessOfAFutureDateIsRefusedBeforeAnythingIsPublished(@TempDir Path home) {
    int exit =
        run(
            Map.of("PIPELINE_HOME", home.toString()),
            "--today",
            "2023-03-10",
            "reprocess",
            "2032-02-23");

    assertThat(exit).isEqualTo(ExitCodes.USAGE);
    assertThat(out.toString()).contains("reprocess refused:");
    assertThat(out.toString()).contains("ahead of today");
    assertThat(out.toString()).doesNotContain("publish it again");
  }

  @Test
  void noCommandIsBadUsage() {
    assertThat(run()).isEqualTo(ExitCodes.USAGE);
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

  /** heal once took --days 0 as 1 without a word, while track refused it. */
  @Test
  void zeroDaysAreBadUsageForHealAndTrackAlike(@TempDir Path home) {
    Map<String, String> env = Map.of("PIPELINE_HOME", home.toString());
    assertThat(run(env, "--today", "2023-03-10", "heal", "--days", "0")).isEqualTo(ExitCodes.USAGE);
    assertThat(run(env, "--today", "2023-03-10", "track", "--days", "0"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString().split("--days must be at least 1, got 0", -1)).hasLength(3);
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

  @Test
  void everyBadBackendVariableIsNamedAtOnceAndNothingIsOpened(@TempDir Path home) {
    int code =
        run(
            Map.of(
                "PIPELINE_HOME", home.toString(),
                "WAREHOUSE", "garbage:x",
                "BUS", "carrier-pigeon",
                "BLOBS", "ftp:x"),
            "status");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("WAREHOUSE='garbage:x' names no warehouse");
    assertThat(err.toString()).contains("BUS='carrier-pigeon' names no eventbus");
    assertThat(err.toString()).contains("BLOBS='ftp:x' names no blobstore");
    assertThat(err.toString()).contains("[bigquery, duckdb]");
    assertThat(home.resolve("warehouse.duckdb").toFile().exists()).isFalse();
  }

  @Test
  void aBadFeatureColumnAndABadDatasetAreListedWithTheirVariables(@TempDir Path home) {
    int code =
        run(
            Map.of(
                "PIPELINE_HOME", home.toString(),
                "FEATURE_THRESHOLDS", "bogus_col:50",
                "INPUT_THRESHOLDS", "shotzones:95",
                "ANALYTICS_DATASET", "nba analytics"),
            "status");

    assertThat(code).isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("FEATURE_THRESHOLDS names 'bogus_col'");
    assertThat(err.toString()).contains("ANALYTICS_DATASET is invalid");
    assertThat(err.toString()).contains("INPUT_THRESHOLDS 'shotzones:95' is invalid");
    assertThat(err.toString()).contains("the inputs are box_scores, team_box_scores");
    assertThat(err.toString()).doesNotContain("null");
  }

  @Test
  void theEnvironmentsWarehouseIsNotSilentlyReplacedByTheEmbeddedOne() {
    assertThat(run(Map.of("WAREHOUSE", "bigquery:nba-props-platform"), "seed"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("embedded warehouse only");
  }

  @Test
  void everyCommandsHelpHasAnExample() {
    var cli = PipelineCli.commandLine();
    cli.getSubcommands()
        .forEach(
            (name, command) -> {
              if (!name.equals("help")) {
                assertThat(command.getUsageMessage()).contains("Example: ./pipeline " + name);
              }
            });
  }

  @Test
  void wrongUsageExitsTwoWithTheReasonAndTheUsage() {
    assertThat(run("backfill", "--no-such-option", "2023-02-01", "2023-02-28"))
        .isEqualTo(ExitCodes.USAGE);
    assertThat(err.toString()).contains("Unknown option: '--no-such-option'");
    assertThat(err.toString()).contains("Usage: pipeline backfill");
    // The synopsis and where to read more, not the whole help.
    assertThat(err.toString().lines().count()).isAtMost(6);
  }
}
