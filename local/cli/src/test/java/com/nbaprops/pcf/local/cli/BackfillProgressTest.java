package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The backfill's progress follows the work as it finishes, not the queue behind it. */
class BackfillProgressTest {
  @TempDir Path home;

  @Test
  void eachDateIsCountedWhenItsDeliveryFinishes() {
    DateRange range = new DateRange(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 2, 5));
    List<String> seen = new ArrayList<>();
    List<Long> computedAgainstWritten = new ArrayList<>();
    try (LocalRuntime local = SeasonFixture.SEASON.open(home)) {
      // Each step, with how many of the range's dates had rows when it was reported.
      Progress progress =
          new Progress() {
            @Override
            public void step(int done, int total, String label) {
              long written = written(local, range);
              seen.add(done + "/" + total + " " + label + " | written " + written);
              if (label.startsWith("computed")) {
                // How many more dates were counted as computed than had rows: never positive.
                long counted = seen.stream().filter(line -> line.contains(" computed ")).count();
                computedAgainstWritten.add(counted - written);
              }
            }

            @Override
            public void finish() {}
          };

      new Backfill(local, new PrintWriter(Writer.nullWriter()), progress).range(range, false, true);
    }

    assertThat(seen).hasSize(15);
    assertThat(seen.get(0)).startsWith("1/15 computed 2023-02-01 | written ");
    assertThat(computedAgainstWritten).hasSize(5);
    assertThat(computedAgainstWritten.stream().allMatch(excess -> excess <= 0)).isTrue();
    assertThat(seen.get(14)).contains("15/15 ");
  }

  private static long written(LocalRuntime local, DateRange range) {
    return local
        .runtime()
        .warehouse()
        .query(
            local
                .sql(
                    "SELECT COUNT(DISTINCT game_date) AS dates FROM {player_composite_factors}"
                        + " WHERE game_date BETWEEN @s AND @e")
                .date("s", range.start())
                .date("e", range.end()))
        .get(0)
        .int64("dates");
  }
}
