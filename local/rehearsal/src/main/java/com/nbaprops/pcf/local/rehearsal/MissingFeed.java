package com.nbaprops.pcf.local.rehearsal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Random;

/** An upstream processor did not run for the date: its partition never lands until re-run. */
final class MissingFeed extends Scenario {
  private final Feed feed;

  MissingFeed(Feed feed, String description) {
    super(description);
    this.feed = feed;
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    return new Injection(
        date, feed.landsFor(date), feed.table().name(), run -> run.cancelRelease(feed, date));
  }

  @Override
  ZonedDateTime dueAt(LocalDate date) {
    return feed.landsFor(date);
  }

  @Override
  Feed upstream() {
    return feed;
  }
}
