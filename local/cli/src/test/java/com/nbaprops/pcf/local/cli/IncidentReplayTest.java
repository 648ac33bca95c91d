package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.operations.Preflight;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.sql.Sql;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident replayed on the real season through the local bus, as the demo does. */
class IncidentReplayTest {
  private static final PrintWriter QUIET = new PrintWriter(Writer.nullWriter());
  @TempDir Path home;
  private LocalRuntime local;

  @BeforeEach
  void open() {
    local = SeasonFixture.INCIDENT.open(home);
  }

  @AfterEach
  void close() {
    local.close();
  }

  private long players(LocalDate date) {
    return local
        .runtime()
        .warehouse()
        .query(
            Sql.of(
                    "SELECT COUNT(DISTINCT player_lookup) AS n FROM nba_precompute.player_composite_factors"
                        + " WHERE game_date = @d")
                .date("d", date))
        .get(0)
        .int64("n");
  }

  @Test
  void preflightNamesExactlyTheTwoPoisonedDates() {
    PreflightReport report = Preflight.check(local, Demo.FEBRUARY, false);
    assertThat(report.issues())
        .containsExactly(
            new PreflightReport.Issue(LocalDate.of(2023, 2, 23), 1, 187),
            new PreflightReport.Issue(LocalDate.of(2023, 2, 24), 68, 175))
        .inOrder();
    assertThat(report.passed()).isFalse();
  }

  @Test
  void backfillWithoutForceStopsAndWritesNothing() {
    var range =
        new com.nbaprops.pcf.domain.DateRange(LocalDate.of(2023, 2, 22), LocalDate.of(2023, 2, 25));
    int code = new Backfill(local, QUIET, Progress.none()).range(range, false, true);
    assertThat(code).isEqualTo(ExitCodes.PROBLEM);
    assertThat(players(LocalDate.of(2023, 2, 25))).isEqualTo(0);
  }

  @Test
  void forcedBackfillRestoresEveryPlayerOfTheIncidentDates() {
    int code = new Backfill(local, QUIET, Progress.none()).range(Demo.FEBRUARY, true, true);
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(players(LocalDate.of(2023, 2, 23))).isEqualTo(187);
    assertThat(players(LocalDate.of(2023, 2, 24))).isEqualTo(175);
    assertThat(local.bus().deadLetters()).isEmpty();
  }
}
