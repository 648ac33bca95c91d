package com.nbaprops.pcf.local.rehearsal;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.config.InputDue;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The jobs fire at their New York hour, whatever the offset of the day. */
class ScheduledJobTest {
  /** The default due times plus the grace are exactly the freshness checks' hours. */
  @Test
  void aFreshnessCheckRunsAtEveryDefaultDueTimePlusTheGrace() {
    InputDue due = InputDue.parse("", InputDue.DEFAULT_GRACE_MINUTES);

    Set<LocalTime> checks =
        Set.of(
            ScheduledJob.FRESHNESS_OVERNIGHT.timeOfDay(),
            ScheduledJob.FRESHNESS_MORNING.timeOfDay());
    for (var entry : due.byTable().values()) {
      assertThat(checks).contains(entry.at().plus(due.grace()));
    }
  }

  @Test
  void theDailyRunKeepsItsHourAcrossTheSpringChange() {
    LocalDate change = LocalDate.of(2023, 3, 12);

    Duration shortNight =
        Duration.between(
            ScheduledJob.FACTORS.firesOn(change.minusDays(1)),
            ScheduledJob.FACTORS.firesOn(change));
    Duration nextNight =
        Duration.between(
            ScheduledJob.FACTORS.firesOn(change), ScheduledJob.FACTORS.firesOn(change.plusDays(1)));

    assertThat(shortNight).isEqualTo(Duration.ofHours(23));
    assertThat(nextNight).isEqualTo(Duration.ofDays(1));
    assertThat(ScheduledJob.FACTORS.firesOn(change).toLocalTime()).isEqualTo(LocalTime.of(5, 30));
  }

  @Test
  void theJobsRunInTheOrderTheChainNeeds() {
    LocalDate day = LocalDate.of(2023, 2, 24);

    assertThat(ScheduledJob.CLEANUP.firesOn(day)).isLessThan(ScheduledJob.FACTORS.firesOn(day));
    assertThat(ScheduledJob.FACTORS.firesOn(day)).isLessThan(ScheduledJob.SWEEP.firesOn(day));
  }
}
