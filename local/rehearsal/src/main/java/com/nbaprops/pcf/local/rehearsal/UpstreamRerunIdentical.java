package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * An upstream processor re-run days later that writes the same values, stamped with a new
 * processed_at: no change, so nothing to detect and nothing to recompute.
 */
final class UpstreamRerunIdentical extends Scenario {
  UpstreamRerunIdentical() {
    super("an upstream processor re-run days later with the same values (a new processed_at)");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    Feed feed = Feed.FINGERPRINTED.get(random.nextInt(Feed.FINGERPRINTED.size()));
    ZonedDateTime at = daysLater(date, random);
    List<Row> same =
        world.partition(feed, date).stream()
            .map(
                row -> {
                  Map<String, Object> values = new LinkedHashMap<>(row.values());
                  if (values.containsKey("processed_at")) {
                    values.put("processed_at", at.toInstant());
                  }
                  return Row.of(values);
                })
            .toList();
    return new Injection(
        date,
        at,
        feed.table().name(),
        run -> run.at(at, "upstream re-run", () -> run.write(feed, date, same)));
  }

  @Override
  boolean damages() {
    return false;
  }
}
