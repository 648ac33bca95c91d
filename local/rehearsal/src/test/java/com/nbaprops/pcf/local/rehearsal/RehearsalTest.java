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

  /**
   * The freshness check names the missing feed half an hour after it was due, and the date is
   * computed minutes after the upstream's re-run lands with the night's box scores, not at the next
   * sweep: no auto-heal needed.
   */
  @Test
  void aMissingShotZoneFeedIsLateAtItsDueTimeAndTheDateComputedWhenItLands() {
    RehearsalResult result =
        rehearse(LocalDate.of(2022, 11, 7), 1, 1, false, Set.of(IncidentKind.MISSING_SHOT_ZONES));

    Incident missing = result.incidents().get(0);
    assertThat(missing.detectionAfterDue()).isAtMost(Duration.ofMinutes(30));
    assertThat(missing.detection().describe()).contains("alert=input_late");
    assertThat(missing.healAfterReady()).isAtMost(Duration.ofMinutes(15));
    assertThat(missing.healedBy()).contains("recomputed when it landed");
    assertThat(result.failures()).isEmpty();
  }

  @Test
  void theSameSeedGivesTheSameJson() {
    String first =
        new RehearsalOutput(rehearse(LocalDate.of(2022, 11, 9), 3, 2, true, Set.of())).json();
    String second =
        new RehearsalOutput(rehearse(LocalDate.of(2022, 11, 9), 3, 2, true, Set.of())).json();

    assertThat(second).isEqualTo(first);
    assertThat(first).contains("\"identical_to_clean_run\": true");
  }
}
