package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** The upcoming-context writer crashed after its first player: the stale, partial context. */
final class PartialContext extends Scenario {
  PartialContext() {
    super(
        "the upcoming-context writer crashed: 1 of the date's players in"
            + " upcoming_player_game_context");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    List<Row> all = world.partition(Feed.PLAYER_CONTEXT, date);
    List<Row> first =
        all.stream()
            .sorted(Comparator.comparing(row -> row.string("player_lookup")))
            .limit(1)
            .toList();
    return new Injection(
        date,
        Feed.PLAYER_CONTEXT.landsFor(date),
        "1 of " + all.size(),
        run -> run.releaseInstead(Feed.PLAYER_CONTEXT, date, first));
  }

  @Override
  ZonedDateTime dueAt(LocalDate date) {
    return Feed.PLAYER_CONTEXT.landsFor(date);
  }

  @Override
  Feed upstream() {
    return Feed.PLAYER_CONTEXT;
  }
}
