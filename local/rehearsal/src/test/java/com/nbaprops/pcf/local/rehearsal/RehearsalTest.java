package com.nbaprops.pcf.local.rehearsal;

import static com.google.common.truth.Truth.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The suite's proof on a simulated clock: opening night to early January, the daily schedule as
 * deployed, one incident of every kind. A regression in detection or healing fails here.
 */
class RehearsalTest {
  private static World season;

  @BeforeAll
  static void readTheSeason() {
    season = World.of("2022-23");
  }

  private static RehearsalResult rehearse(
      LocalDate until, long seed, int incidents, boolean autoHeal, Set<IncidentKind> kinds) {
    return Rehearsal.run(
        new Rehearsal.Options("2022-23", until, seed, incidents, autoHeal, kinds), season);
  }

  @Test
  void everyKindOfIncidentIsDetectedByTheNextSweepAndHealedWithinTwoDays() {
    RehearsalResult result = rehearse(LocalDate.of(2022, 12, 29), 7, 16, true, Set.of());

    assertThat(result.incidents().stream().map(Incident::kind).collect(Collectors.toSet()))
        .containsExactlyElementsIn(IncidentKind.values());
    assertThat(result.failures()).isEmpty();
    for (Incident incident : result.incidents()) {
      if (incident.kind().scenario().damages()) {
        assertThat(incident.timeToDetect()).isLessThan(Duration.ofDays(1));
      }
      assertThat(incident.timeToHeal()).isAtMost(Duration.ofDays(2));
    }
    assertThat(result.falseAlarms()).isEmpty();
    assertThat(result.notComplete()).isEmpty();
    assertThat(result.identicalToCleanRun()).isTrue();
  }

  @Test
  void withoutAutoHealADateWhoseRunNeverFiredIsDetectedButStaysIncomplete() {
    RehearsalResult result =
        rehearse(LocalDate.of(2022, 11, 12), 1, 1, false, Set.of(IncidentKind.JOB_NEVER_FIRES));

    Incident missed = result.incidents().get(0);
    assertThat(missed.detected()).isTrue();
    assertThat(missed.healed()).isFalse();
    assertThat(result.notComplete()).containsExactly(missed.date());
    assertThat(new RehearsalOutput(result).passed()).isFalse();
  }

  @Test
  void theSameSeedGivesTheSameJson() {
    String first =
        new RehearsalOutput(rehearse(LocalDate.of(2022, 11, 12), 3, 2, true, Set.of())).json();
    String second =
        new RehearsalOutput(rehearse(LocalDate.of(2022, 11, 12), 3, 2, true, Set.of())).json();

    assertThat(second).isEqualTo(first);
    assertThat(first).contains("\"identical_to_clean_run\": true");
  }
}
