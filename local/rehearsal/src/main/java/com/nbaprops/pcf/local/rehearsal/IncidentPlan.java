package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.table.Tables;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.NavigableSet;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Draws a season's incidents from a seed: every kind asked for at least once when there is room,
 * each on a game date of its own at least {@link #SPACING_DAYS} apart, outside the bootstrap window
 * and early enough to heal before the rehearsal ends. The same seed draws the same incidents.
 */
final class IncidentPlan {
  /** Incidents stay apart, so each signal names one incident's date. */
  static final int SPACING_DAYS = 3;

  /** Days after the last incident's date the rehearsal runs on, to see it heal. */
  static final int TAIL_DAYS = 3;

  /** Requests a person might publish by hand that can never succeed, none naming a valid date. */
  private static final List<String> MALFORMED =
      List.of(
          "{\"analysis_date\":\"2023-02-30\",\"backfill_mode\":true}",
          "{\"isBackfill\":true}",
          "{analysis_date: AUTO}",
          "{\"analysis_date\":\"AUTO\",\"analysis_date\":\"TODAY\"}");

  /** An incident and how it changes the season's timeline. */
  record Planned(Incident incident, Consumer<SeasonRun> inject) {}

  private IncidentPlan() {}

  /**
   * @param dates the game dates incidents may fall on
   * @throws IllegalArgumentException when {@code count} incidents do not fit
   */
  static List<Planned> draw(
      World world, NavigableSet<LocalDate> dates, long seed, int count, Set<IncidentKind> among) {
    Random random = new Random(seed);
    List<LocalDate> chosen = List.of();
    // Dates taken at random, each kept when it is far enough from those kept: a few orders of
    // the dates may be needed before enough fit.
    for (int attempt = 0; attempt < 100 && chosen.size() < count; attempt++) {
      List<LocalDate> candidates = new ArrayList<>(dates);
      Collections.shuffle(candidates, random);
      List<LocalDate> kept = new ArrayList<>();
      for (LocalDate candidate : candidates) {
        if (kept.size() < count
            && kept.stream()
                .allMatch(d -> Math.abs(ChronoUnit.DAYS.between(d, candidate)) >= SPACING_DAYS)) {
          kept.add(candidate);
        }
      }
      if (kept.size() > chosen.size()) {
        chosen = kept;
      }
    }
    if (chosen.size() < count) {
      throw new IllegalArgumentException(
          count
              + " incidents do not fit "
              + SPACING_DAYS
              + " days apart on the "
              + dates.size()
              + " game dates after the bootstrap window: at most "
              + chosen.size()
              + " (rehearse more of the season, or fewer incidents)");
    }
    chosen = chosen.stream().sorted().toList();
    List<IncidentKind> kinds = new ArrayList<>();
    while (kinds.size() < count) {
      List<IncidentKind> round = new ArrayList<>(among);
      Collections.shuffle(round, random);
      kinds.addAll(round);
    }
    List<IncidentKind> drawn = new ArrayList<>(kinds.subList(0, count));
    Collections.shuffle(drawn, random);
    List<Planned> planned = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      planned.add(plan(drawn.get(i), chosen.get(i), world, random));
    }
    return planned;
  }

  private static Planned plan(IncidentKind kind, LocalDate date, World world, Random random) {
    LocalDate nextDay = date.plusDays(1);
    return switch (kind) {
      case PARTIAL_CONTEXT -> {
        List<Row> all = world.partition(Feed.PLAYER_CONTEXT, date);
        List<Row> first =
            all.stream()
                .sorted(Comparator.comparing(row -> row.string("player_lookup")))
                .limit(1)
                .toList();
        yield new Planned(
            incident(kind, date, Feed.PLAYER_CONTEXT.landsFor(date), "1 of " + all.size()),
            run -> run.releaseInstead(Feed.PLAYER_CONTEXT, date, first));
      }
      case LATE_BOX_SCORES -> {
        ZonedDateTime late = nextDay.atTime(lateTime(random)).atZone(ScheduledJob.TIME_ZONE);
        yield new Planned(
            incident(kind, date, Feed.BOX_SCORES.landsFor(date), "landed " + clock(late)),
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
      case LATE_GAME -> {
        List<String> games = world.games(date);
        String game = games.get(random.nextInt(games.size()));
        ZonedDateTime late = nextDay.atTime(lateTime(random)).atZone(ScheduledJob.TIME_ZONE);
        yield new Planned(
            incident(kind, date, Feed.BOX_SCORES.landsFor(date), game + " landed " + clock(late)),
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
      case MISSING_SHOT_ZONES, MISSING_ZONE_DEFENSE, MISSING_TEAM_BOX_SCORES -> {
        Feed feed = kind.upstream();
        yield new Planned(
            incident(kind, date, feed.landsFor(date), feed.table().name()),
            run -> run.cancelRelease(feed, date));
      }
      case MISSING_USAGE -> {
        List<Row> withoutUsage =
            world.partition(Feed.BOX_SCORES, date).stream()
                .map(row -> without(row, "usage_rate"))
                .toList();
        yield new Planned(
            incident(kind, date, Feed.BOX_SCORES.landsFor(date), "usage_rate null"),
            run -> run.releaseInstead(Feed.BOX_SCORES, date, withoutUsage));
      }
      case WAREHOUSE_OUTAGE -> {
        ZonedDateTime from =
            nextDay.atTime(LocalTime.of(5, 5 * random.nextInt(5))).atZone(ScheduledJob.TIME_ZONE);
        ZonedDateTime to = from.plusMinutes(60 + 30L * random.nextInt(7));
        yield new Planned(
            incident(kind, date, from, clock(from) + "-" + clock(to)),
            run -> run.faultyWarehouse().outage(from.toInstant(), to.toInstant()));
      }
      case JOB_NEVER_FIRES ->
          new Planned(
              incident(kind, date, ScheduledJob.FACTORS.firesOn(nextDay), "no run on " + nextDay),
              run -> run.cancelJob(ScheduledJob.FACTORS, nextDay));
      case DUPLICATE_DELIVERY ->
          new Planned(
              incident(kind, date, ScheduledJob.FACTORS.firesOn(nextDay), "2 deliveries"),
              run ->
                  run.replaceJob(
                      ScheduledJob.FACTORS,
                      nextDay,
                      () ->
                          run.redeliver(
                              run.fire(ScheduledJob.FACTORS), ScheduledJob.FACTORS.message(), 1)));
      case CONCURRENT_DUPLICATE ->
          new Planned(
              incident(kind, date, ScheduledJob.FACTORS.firesOn(nextDay), "2 at once"),
              run ->
                  run.replaceJob(
                      ScheduledJob.FACTORS,
                      nextDay,
                      () ->
                          run.redeliver(
                              Long.toString(9_000_000_000L + date.toEpochDay()),
                              ScheduledJob.FACTORS.message(),
                              2)));
      case MALFORMED_MESSAGE -> {
        String message = MALFORMED.get(random.nextInt(MALFORMED.size()));
        ZonedDateTime when =
            nextDay
                .atTime(LocalTime.of(9 + random.nextInt(8), 15 * random.nextInt(4)))
                .atZone(ScheduledJob.TIME_ZONE);
        yield new Planned(
            incident(kind, nextDay, when, message),
            run ->
                run.at(
                    when,
                    "published by hand",
                    () -> run.publish(Topic.COMPOSITE_FACTORS_REQUESTS, message)));
      }
      case CRASH_MID_WRITE ->
          new Planned(
              incident(kind, date, ScheduledJob.FACTORS.firesOn(nextDay), "first delivery"),
              run -> run.faultyWarehouse().crashNextWrite(Tables.PLAYER_COMPOSITE_FACTORS, date));
    };
  }

  /** A time after the 05:30 run the next morning: 06:00 to 13:45. */
  private static LocalTime lateTime(Random random) {
    return LocalTime.of(6 + random.nextInt(8), 15 * random.nextInt(4));
  }

  private static String clock(ZonedDateTime time) {
    return time.toLocalTime().toString();
  }

  private static Incident incident(
      IncidentKind kind, LocalDate date, ZonedDateTime injectedAt, String detail) {
    return new Incident(kind, date, injectedAt.toInstant(), detail);
  }

  private static Row without(Row row, String column) {
    Row.Builder copy = Row.builder();
    row.values().forEach((name, value) -> copy.set(name, name.equals(column) ? null : value));
    return copy.build();
  }

  /** How long the on-call team takes from an alert naming its table to its processor's re-run. */
  static final Duration ON_CALL_DELAY = Duration.ofHours(3);
}
