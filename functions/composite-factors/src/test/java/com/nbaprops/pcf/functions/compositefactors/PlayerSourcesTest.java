package com.nbaprops.pcf.functions.compositefactors;

import static com.google.common.truth.Truth.assertThat;
import static com.nbaprops.pcf.testing.RuntimeFixture.players;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.domain.PlayerContext;
import com.nbaprops.pcf.testing.RuntimeFixture;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A date's inputs in one read: who played, both contexts, and what is stored already. */
class PlayerSourcesTest {
  private static final LocalDate DAY = LocalDate.of(2023, 2, 23);
  @TempDir Path blobs;

  private static PlayerSources sources(RuntimeFixture fixture) {
    return new PlayerSources(fixture.runtime().warehouse(), fixture.runtime().config().catalog());
  }

  @Test
  void aDateReadsWhoPlayedItsUpcomingContextAndWhatIsStored() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs)
            .played(DAY, players(10))
            .upcoming(DAY, players(4))
            .factorsWritten(DAY, players(2));

    DateInputs inputs = sources(fixture).read(DAY, false);

    assertThat(inputs.expectedPlayers()).isEqualTo(10);
    // Of the contexts' players, those who played (what a rerun's coverage is judged on).
    assertThat(inputs.played()).containsExactlyElementsIn(players(4));
    assertThat(inputs.upcoming().stream().map(PlayerContext::playerLookup).toList())
        .containsExactlyElementsIn(players(4));
    assertThat(inputs.synthetic()).isEmpty();
    assertThat(inputs.stored().players()).isEqualTo(2);
    assertThat(inputs.stored().covered()).isEqualTo(2);
  }

  @Test
  void theSyntheticContextIsBuiltOnlyWhenAskedForFromEveryPlayerWhoPlayed() {
    RuntimeFixture fixture =
        new RuntimeFixture(blobs).played(DAY, players(10)).upcoming(DAY, players(1));

    DateInputs inputs = sources(fixture).read(DAY, true);

    assertThat(inputs.synthetic().stream().map(PlayerContext::playerLookup).toList())
        .containsExactlyElementsIn(players(10));
  }

  @Test
  void aRangeGivesEachDateWithPlayersItsOwnInputs() {
    LocalDate next = DAY.plusDays(1);
    RuntimeFixture fixture =
        new RuntimeFixture(blobs)
            .played(DAY, players(3))
            .upcoming(DAY, players(3))
            .played(next, players(5))
            .upcoming(next, players(5));

    Map<LocalDate, DateInputs> inputs = sources(fixture).read(new DateRange(DAY, next), false);

    assertThat(inputs.keySet()).containsExactly(DAY, next).inOrder();
    assertThat(inputs.get(next).expectedPlayers()).isEqualTo(5);
  }

  @Test
  void aRangeAcrossTwoSeasonsIsRefused() {
    RuntimeFixture fixture = new RuntimeFixture(blobs);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            sources(fixture)
                .read(new DateRange(LocalDate.of(2023, 6, 1), LocalDate.of(2023, 11, 1)), false));
  }
}
