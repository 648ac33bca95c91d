package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.Random;

/** composite-factors dies half-way through writing the date: the write must leave nothing half. */
final class CrashMidWrite extends Scenario {
  CrashMidWrite() {
    super("composite-factors dies half-way through writing the date");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    return new Injection(
        date,
        ScheduledJob.FACTORS.firesOn(date.plusDays(1)),
        "first delivery",
        run -> run.faultyWarehouse().crashNextWrite(Tables.PLAYER_COMPOSITE_FACTORS, date));
  }
}
