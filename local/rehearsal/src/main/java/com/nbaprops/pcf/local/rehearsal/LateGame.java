package com.nbaprops.pcf.local.rehearsal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;

/** One game's box scores land after the 05:30 run; the night's other games are on time. */
final class LateGame extends Scenario {
  LateGame() {
    super("one game's box scores land after the 05:30 run");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    List<String> games = world.games(date);
    String game = games.get(random.nextInt(games.size()));
    ZonedDateTime late = lateNextMorning(date, random);
    return new Injection(
        date,
        Feed.BOX_SCORES.landsFor(date),
        game + " landed " + clock(late),
        run -> {
          for (Feed feed : List.of(Feed.BOX_SCORES, Feed.TEAM_BOX_SCORES)) {
            run.releaseInstead(
                feed,
                date,
                world.partition(feed, date).stream()
                    .filter(row -> !row.string("game_id").equals(game))
                    .toList());
            run.at(late, "late game", () -> run.release(feed, date));
          }
        });
  }

  @Override
  ZonedDateTime dueAt(LocalDate date) {
    return Feed.BOX_SCORES.landsFor(date);
  }

  /** Its signals name the date: a game's box scores, not the chain, are late. */
  @Override
  boolean hitsTheChain() {
    return false;
  }
}
