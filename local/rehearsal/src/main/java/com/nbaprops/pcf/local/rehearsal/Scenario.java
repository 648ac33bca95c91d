package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;

/**
 * How one kind of incident plays out: what it does to the season's timeline, whether it damages a
 * date, whether its signals may name no date, and what heals it. A new kind is a subclass and a
 * constant of {@link IncidentKind}.
 */
abstract class Scenario {
  /**
   * What the incident changes, planned for a game date.
   *
   * @param date the date its failure rows are dated by (the game date, or for a message published
   *     by hand, the day it is published)
   */
  record Injection(
      LocalDate date,
      ZonedDateTime injectedAt,
      String detail,
      Consumer<SeasonRun> inject,
      Optional<Restatement> restates,
      Optional<ZonedDateTime> readyAfter) {
    Injection(LocalDate date, ZonedDateTime injectedAt, String detail, Consumer<SeasonRun> inject) {
      this(date, injectedAt, detail, inject, Optional.empty(), Optional.empty());
    }

    Injection(
        LocalDate date,
        ZonedDateTime injectedAt,
        String detail,
        Consumer<SeasonRun> inject,
        Optional<Restatement> restates) {
      this(date, injectedAt, detail, inject, restates, Optional.empty());
    }

    /** The same, its date's inputs not ready again before {@code at} (an outage's end). */
    Injection readyAfter(ZonedDateTime at) {
      return new Injection(date, injectedAt, detail, inject, restates, Optional.of(at));
    }
  }

  /**
   * A partition an upstream writes anew with other values: the season's final inputs hold these
   * rows, so the clean run computes from them.
   */
  record Restatement(Feed feed, LocalDate date, List<Row> rows) {}

  private final String description;

  Scenario(String description) {
    this.description = description;
  }

  /** What went wrong, as the output writes it. */
  final String description() {
    return description;
  }

  /**
   * Plans the incident on {@code date}; draws what it varies (times, games) from {@code random}.
   */
  abstract Injection plan(LocalDate date, World world, Random random);

  /**
   * When what it damages was due (an input's due time, a run's hour), or null when nothing was: a
   * restatement, a crash, a duplicate.
   */
  ZonedDateTime dueAt(LocalDate date) {
    return null;
  }

  /** What absorbed it, for a kind that damages nothing. */
  String absorbedBy() {
    return "the write is idempotent";
  }

  /** The feed whose processor must run again to heal the date, or null when the suite can alone. */
  Feed upstream() {
    return null;
  }

  /**
   * False for what the suite must absorb without a trace: nothing is damaged, nothing to detect.
   */
  boolean damages() {
    return true;
  }

  /**
   * True for faults of the chain itself (the bus, the warehouse, a function), whose signals name no
   * date: a dead letter of a request for "yesterday", a function's error.
   */
  boolean hitsTheChain() {
    return upstream() == null;
  }

  /**
   * What heals it the moment it is detected, with nothing to look at in the date's rows (a message
   * refused before anything was written); empty when the date must be COMPLETE and right again.
   */
  Optional<String> healedOnDetection() {
    return Optional.empty();
  }

  /** An afternoon two to four days after {@code date}: an upstream's re-run, after the fact. */
  static ZonedDateTime daysLater(LocalDate date, Random random) {
    return date.plusDays(2 + random.nextInt(3))
        .atTime(LocalTime.of(13 + random.nextInt(4), 0))
        .atZone(ScheduledJob.TIME_ZONE);
  }

  /** A time after the 05:30 run the next morning: 06:00 to 13:45. */
  static ZonedDateTime lateNextMorning(LocalDate date, Random random) {
    return date.plusDays(1)
        .atTime(LocalTime.of(6 + random.nextInt(8), 15 * random.nextInt(4)))
        .atZone(ScheduledJob.TIME_ZONE);
  }

  static String clock(ZonedDateTime time) {
    return time.toLocalTime().toString();
  }
}
