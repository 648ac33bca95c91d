package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.functions.compositefactors.PreflightReport;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.port.Sql;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The incident replayed on the real season through the local bus, as the demo does. */
class IncidentReplayTest {
  private static final PrintStream QUIET = new PrintStream(new ByteArrayOutputStream());
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
    PreflightReport report = PreflightCommand.check(local, DemoCommand.FEBRUARY, false);
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
    int code = BackfillCommand.run(local, range, false, QUIET, QUIET);
    assertThat(code).isEqualTo(ExitCodes.PROBLEM);
    assertThat(players(LocalDate.of(2023, 2, 25))).isEqualTo(0);
  }

  @Test
  void forcedBackfillRestoresEveryPlayerOfTheIncidentDates() {
    int code = BackfillCommand.run(local, DemoCommand.FEBRUARY, true, QUIET, QUIET);
    assertThat(code).isEqualTo(ExitCodes.OK);
    assertThat(players(LocalDate.of(2023, 2, 23))).isEqualTo(187);
    assertThat(players(LocalDate.of(2023, 2, 24))).isEqualTo(175);
    assertThat(local.bus().deadLetters()).isEmpty();
  }
}
