package com.nbaprops.pcf.runtime;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.logging.StructuredLog;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The league's day is New York's; run ids and log lines read one clock, UTC, and say so. */
class LeagueClockTest {
  private static final Instant EARLY_MORNING_UTC = Instant.parse("2023-03-12T03:30:00Z");
  private static final Clock CLOCK = Clock.fixed(EARLY_MORNING_UTC, ZoneOffset.UTC);

  @Test
  void todayIsTheDateInNewYork() {
    LeagueClock league = new LeagueClock(CLOCK, ZoneId.of("America/New_York"));

    assertThat(league.today()).isEqualTo(LocalDate.of(2023, 3, 11));
  }

  @Test
  void aRunIdIsStampedInUtcLikeTheLogLinesOfItsRun() {
    LeagueClock league = new LeagueClock(CLOCK, ZoneId.of("America/New_York"));

    assertThat(league.newRunId()).startsWith("run-20230312T033000Z-");
    assertThat(StructuredLog.textLine(CLOCK, Severity.INFO, "m", Map.of()))
        .startsWith("03:30:00Z ");
  }
}
