package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An upstream writes a date's partition twice over: every row doubled. The reads count distinct
 * rows, so the factors are right; the suite names the partition in a WARNING, which is no alarm.
 */
final class InputDuplicated extends Scenario {
  InputDuplicated() {
    super("an upstream wrote a date's partition twice: every row doubled");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    Feed feed = Feed.FINGERPRINTED.get(random.nextInt(Feed.FINGERPRINTED.size()));
    List<Row> doubled = new ArrayList<>(world.partition(feed, date));
    doubled.addAll(world.partition(feed, date));
    return new Injection(
        date,
        feed.landsFor(date),
        feed.table().name() + " x2",
        run -> run.releaseInstead(feed, date, doubled));
  }

  @Override
  boolean damages() {
    return false;
  }
}
