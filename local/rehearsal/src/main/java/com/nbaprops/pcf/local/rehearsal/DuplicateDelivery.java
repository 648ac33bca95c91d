package com.nbaprops.pcf.local.rehearsal;

import java.time.LocalDate;
import java.util.Random;

/**
 * Pub/Sub delivers the 05:30 request more than once: one after the other, or at once to two
 * instances. Nothing is damaged: the write is idempotent, and there is nothing to detect.
 */
final class DuplicateDelivery extends Scenario {
  private final boolean concurrent;

  private DuplicateDelivery(String description, boolean concurrent) {
    super(description);
    this.concurrent = concurrent;
  }

  static DuplicateDelivery oneAfterTheOther() {
    return new DuplicateDelivery("the 05:30 request is delivered twice", false);
  }

  static DuplicateDelivery atOnce() {
    return new DuplicateDelivery(
        "the 05:30 request is delivered twice at once, to two instances", true);
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    LocalDate nextDay = date.plusDays(1);
    ScheduledJob job = ScheduledJob.FACTORS;
    return new Injection(
        date,
        job.firesOn(nextDay),
        concurrent ? "2 at once" : "2 deliveries",
        run ->
            run.replaceJob(
                job,
                nextDay,
                concurrent
                    // Both deliveries carry one message id, as Pub/Sub's redeliveries do.
                    ? () ->
                        run.redeliver(
                            Long.toString(9_000_000_000L + date.toEpochDay()), job.message(), 2)
                    : () -> run.redeliver(run.fire(job), job.message(), 1)));
  }

  @Override
  boolean damages() {
    return false;
  }
}
