package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.config.Topic;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/** A person publishes a request that can never succeed; it must be refused and recorded. */
final class MalformedMessage extends Scenario {
  /** Requests a person might publish by hand that can never succeed, none naming a valid date. */
  private static final List<String> MALFORMED =
      List.of(
          "{\"analysis_date\":\"2023-02-30\",\"backfill_mode\":true}",
          "{\"isBackfill\":true}",
          "{analysis_date: AUTO}",
          "{\"analysis_date\":\"AUTO\",\"analysis_date\":\"TODAY\"}");

  MalformedMessage() {
    super("a malformed request is published by hand");
  }

  /** Dated by the day it is published: its failure row is. */
  @Override
  Injection plan(LocalDate date, World world, Random random) {
    String message = MALFORMED.get(random.nextInt(MALFORMED.size()));
    LocalDate nextDay = date.plusDays(1);
    ZonedDateTime when =
        nextDay
            .atTime(LocalTime.of(9 + random.nextInt(8), 15 * random.nextInt(4)))
            .atZone(ScheduledJob.TIME_ZONE);
    return new Injection(
        nextDay,
        when,
        message,
        run ->
            run.at(
                when,
                "published by hand",
                () -> run.publish(Topic.COMPOSITE_FACTORS_REQUESTS, message)));
  }

  @Override
  Optional<String> healedOnDetection() {
    return Optional.of("nothing to heal: rejected, nothing written");
  }
}
