package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.Random;

/** composite-factors dies half-way through writing the date: the write must leave nothing half. */
final class CrashMidWrite extends Scenario {
  CrashMidWrite() {
    super("composite-factors dies half-way through writing the date");
  }

  // Injected when the date's last input lands: its first computation follows the landing.

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    return new Injection(
        date,
        Feed.BOX_SCORES.landsFor(date),
        "first delivery",
        run -> run.faultyWarehouse().crashNextWrite(Tables.PLAYER_COMPOSITE_FACTORS, date));
  }
}
