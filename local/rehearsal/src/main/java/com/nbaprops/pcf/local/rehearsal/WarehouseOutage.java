package com.nbaprops.pcf.local.rehearsal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Random;

/** The warehouse is unreachable for one to four hours, starting around the 05:30 run. */
final class WarehouseOutage extends Scenario {
  WarehouseOutage() {
    super("the warehouse is unreachable for some hours across the 05:30 run");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    ZonedDateTime from =
        date.plusDays(1)
            .atTime(LocalTime.of(5, 5 * random.nextInt(5)))
            .atZone(ScheduledJob.TIME_ZONE);
    ZonedDateTime to = from.plusMinutes(60 + 30L * random.nextInt(7));
    return new Injection(
            date,
            from,
            clock(from) + "-" + clock(to),
            run -> {
              run.faultyWarehouse().outage(from.toInstant(), to.toInstant());
              // What the on-call team sees at its end: the warehouse answers again.
              run.at(to, "the warehouse is back", () -> {});
            })
        .readyAfter(to);
  }

  @Override
  ZonedDateTime dueAt(LocalDate date) {
    return ScheduledJob.FACTORS.firesOn(date.plusDays(1));
  }
}
