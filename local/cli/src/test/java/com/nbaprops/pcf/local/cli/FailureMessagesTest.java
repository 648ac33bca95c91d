package com.nbaprops.pcf.local.cli;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.operations.Reprocess;
import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.sql.Sql;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line an operator reads when a date fails names the cause and what to do, in one line. */
class FailureMessagesTest {
  @TempDir Path home;

  @Test
  void aColumnDroppedFromAnUpstreamTableIsNamedInOneLineWithoutTheStatement() {
    StringWriter out = new StringWriter();
    int code;
    try (LocalRuntime local = SeasonFixture.FEBRUARY_BACKFILLED.open(home)) {
      local.execute(
          Sql.of(
              "ALTER TABLE nba_precompute.player_shot_zone_analysis DROP COLUMN"
                  + " paint_rate_last_10"));

      code = Reprocess.date(local, LocalDate.of(2023, 2, 13), false, false, new PrintWriter(out));
    }

    String notDone =
        out.toString().lines().filter(line -> line.contains("NOT DONE")).findFirst().orElseThrow();
    assertThat(code).isEqualTo(ExitCodes.PROBLEM);
    assertThat(notDone)
        .contains(
            "column paint_rate_last_10 is missing from nba_precompute.player_shot_zone_analysis");
    assertThat(notDone).contains("then reprocess");
    assertThat(notDone.length()).isAtMost(300);
    assertThat(out.toString()).doesNotContain("WITH today");
  }
}
