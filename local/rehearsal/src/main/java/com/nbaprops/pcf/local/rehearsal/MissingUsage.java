package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

/** The box scores land without their usage rates: hollow inputs for the usage factor. */
final class MissingUsage extends Scenario {
  MissingUsage() {
    super("the box scores landed without usage rates");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    List<Row> withoutUsage =
        world.partition(Feed.BOX_SCORES, date).stream()
            .map(row -> without(row, "usage_rate"))
            .toList();
    return new Injection(
        date,
        Feed.BOX_SCORES.landsFor(date),
        "usage_rate null",
        run -> run.releaseInstead(Feed.BOX_SCORES, date, withoutUsage));
  }

  @Override
  ZonedDateTime dueAt(LocalDate date) {
    return Feed.BOX_SCORES.landsFor(date);
  }

  @Override
  Feed upstream() {
    return Feed.BOX_SCORES;
  }

  private static Row without(Row row, String column) {
    Row.Builder copy = Row.builder();
    row.values().forEach((name, value) -> copy.set(name, name.equals(column) ? null : value));
    return copy.build();
  }
}
