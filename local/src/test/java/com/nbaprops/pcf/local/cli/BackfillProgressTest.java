package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.local.LocalRuntime;
import com.nbaprops.pcf.port.Sql;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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
    try (LocalRuntime local = SeasonFixture.SEASON.open(home)) {
      // Each progress line, with how many of the range's dates had rows when it was printed.
      PrintStream progress =
          new PrintStream(
              new OutputStream() {
                private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                @Override
                public void write(int b) {
                  if (b != '\n') {
                    line.write(b);
                    return;
                  }
                  long written =
                      local
                          .runtime()
                          .warehouse()
                          .query(
                              Sql.of(
                                      "SELECT COUNT(DISTINCT game_date) AS dates FROM"
                                          + " nba_precompute.player_composite_factors WHERE"
                                          + " game_date BETWEEN @s AND @e")
                                  .date("s", range.start())
                                  .date("e", range.end()))
                          .get(0)
                          .int64("dates");
                  seen.add(line.toString(StandardCharsets.UTF_8) + " | written " + written);
                  line.reset();
                }
              },
              true,
              StandardCharsets.UTF_8);

      BackfillCommand.run(
          local, range, false, new PrintStream(new ByteArrayOutputStream()), progress);
    }

    assertThat(seen).hasSize(15);
    assertThat(seen.get(0)).endsWith("1/15 computed 2023-02-01 | written 1");
    assertThat(seen.get(14)).contains("15/15 ");
  }
}
