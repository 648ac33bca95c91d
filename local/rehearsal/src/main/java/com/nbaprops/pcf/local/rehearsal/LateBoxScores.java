package com.nbaprops.pcf.local.rehearsal;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Random;

/** The night's box scores (players and teams) land after the 05:30 run. */
final class LateBoxScores extends Scenario {
  LateBoxScores() {
    super("the night's box scores land after the 05:30 run");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    ZonedDateTime late = lateNextMorning(date, random);
    return new Injection(
        date,
        Feed.BOX_SCORES.landsFor(date),
        "landed " + clock(late),
        run -> {
          run.cancelRelease(Feed.BOX_SCORES, date);
          run.cancelRelease(Feed.TEAM_BOX_SCORES, date);
          run.at(
              late,
              "late box scores",
              () -> {
                run.release(Feed.BOX_SCORES, date);
                run.release(Feed.TEAM_BOX_SCORES, date);
              });
        });
  }

  @Override
  ZonedDateTime dueAt(LocalDate date) {
    return Feed.BOX_SCORES.landsFor(date);
  }

  /** Its signals name the date: the box scores, not the chain, are late. */
  @Override
  boolean hitsTheChain() {
    return false;
  }
}
