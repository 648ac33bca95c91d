package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Status;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealCommandTest {
  private static final LocalDate FEB_23 = LocalDate.of(2023, 2, 23);
  @TempDir Path home;

  private int cli(String... args) {
    var cli = PipelineCli.commandLine(Map.of("PIPELINE_HOME", home.toString()));
    cli.setErr(new PrintWriter(new StringWriter()));
    return cli.execute(args);
  }

  private String status(LocalDate date) {
    try (LocalRuntime local =
        LocalRuntime.open(home, Map.of(), SeasonFixture.TODAY, (s, m, l) -> {})) {
      return Status.rows(local, new DateRange(date, date)).get(0).string("status")
          + " "
          + Status.rows(local, new DateRange(date, date)).get(0).int64("actual_players");
    }
  }

  @Test
  void anIncompleteDateIsReprocessedAndComesBackComplete() {
    try (LocalRuntime local = SeasonFixture.FEBRUARY_BACKFILLED.open(home)) {
      SeasonFixture.breakFebruary23(local);
    }
    assertThat(status(FEB_23)).isEqualTo("INCOMPLETE 94");

    assertThat(cli("heal", "2023-02-01", "2023-02-28", "--today", "2023-03-10"))
        .isEqualTo(ExitCodes.OK);

    assertThat(status(FEB_23)).isEqualTo("COMPLETE 187");
  }

  @Test
  void aHealthySpanHasNothingToHeal() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    List<String> runsBefore = runs();

    assertThat(cli("--today", "2023-03-10", "heal", "2023-02-01", "2023-02-28"))
        .isEqualTo(ExitCodes.OK);

    assertThat(runs()).isEqualTo(runsBefore); // no date was reprocessed or re-tracked
  }

  @Test
  void gameDatesNeverProcessedAreHealedToo() {
    SeasonFixture.FEBRUARY_BACKFILLED.open(home).close();
    LocalDate march5 = LocalDate.of(2023, 3, 5);
    assertThat(status(march5)).isEqualTo(Status.NOT_PROCESSED + " 0");

    // The last 30 days: February as backfilled, and March, which nothing has processed yet.
    assertThat(cli("--today", "2023-03-10", "heal", "--days", "30")).isEqualTo(ExitCodes.OK);

    assertThat(status(march5)).isEqualTo("COMPLETE 199");
  }

  /** The run that last wrote each February date's metadata. */
  private List<String> runs() {
    try (LocalRuntime local =
        LocalRuntime.open(home, Map.of(), SeasonFixture.TODAY, (s, m, l) -> {})) {
      return Status.rows(local, new DateRange(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 28)))
          .stream()
          .map(row -> row.date("analysis_date") + " " + row.string("run_id"))
          .toList();
    }
  }
}
