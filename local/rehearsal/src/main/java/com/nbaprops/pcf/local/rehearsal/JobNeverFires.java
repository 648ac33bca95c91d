package com.nbaprops.pcf.local.rehearsal;

import java.time.LocalDate;
import java.util.Random;

/** The 05:30 factors job never fires for the date: nothing requests it. */
final class JobNeverFires extends Scenario {
  JobNeverFires() {
    super("the 05:30 factors job never fires");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    LocalDate nextDay = date.plusDays(1);
    return new Injection(
        date,
        ScheduledJob.FACTORS.firesOn(nextDay),
        "no run on " + nextDay,
        run -> run.cancelJob(ScheduledJob.FACTORS, nextDay));
  }

  /**
   * Nothing to damage: the date was computed when its inputs landed, hours before the job's hour.
   * The job is the backstop of that path.
   */
  @Override
  boolean damages() {
    return false;
  }

  @Override
  String absorbedBy() {
    return "the date was computed when its inputs landed";
  }
}
