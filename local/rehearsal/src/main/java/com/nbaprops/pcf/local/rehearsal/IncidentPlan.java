package com.nbaprops.pcf.local.rehearsal;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;
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

  /** An incident and how it changes the season's timeline. */
  record Planned(
      Incident incident, Consumer<SeasonRun> inject, Optional<Scenario.Restatement> restates) {}

  /** The season's inputs as they stand at its end, once every planned restatement has landed. */
  static World atTheEnd(World world, List<Planned> planned) {
    World end = world;
    for (Planned plan : planned) {
      if (plan.restates().isPresent()) {
        Scenario.Restatement restatement = plan.restates().get();
        end = end.with(restatement.feed(), restatement.date(), restatement.rows());
      }
    }
    return end;
  }

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
    Scenario.Injection injection = kind.scenario().plan(date, world, random);
    return new Planned(
        new Incident(
            kind,
            injection.date(),
            injection.injectedAt().toInstant(),
            injection.detail(),
            Optional.ofNullable(kind.scenario().dueAt(injection.date()))
                .map(ZonedDateTime::toInstant)
                .orElse(null),
            injection.readyAfter().map(ZonedDateTime::toInstant).orElse(null)),
        injection.inject(),
        injection.restates());
  }

  /** How long the on-call team takes from an alert naming its table to its processor's re-run. */
  static final Duration ON_CALL_DELAY = Duration.ofHours(3);
}
