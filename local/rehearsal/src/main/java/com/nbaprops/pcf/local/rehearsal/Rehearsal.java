package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.local.runtime.Folders;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.rules.SeasonCalendar;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * A season of operations twice over: once clean, for the truth every date must end equal to, then
 * with the drawn incidents, measured.
 */
public final class Rehearsal {
  /**
   * What to rehearse.
   *
   * @param until the last game date to rehearse (null: the season's last)
   * @param kinds the kinds of incident to draw from (empty: all)
   * @param kinds the kinds of incident to draw from (empty: all)
   */
  public record Options(
      String season,
      LocalDate until,
      long seed,
      int incidents,
      boolean autoHeal,
      Set<IncidentKind> kinds) {
    public Options {
      kinds = kinds.isEmpty() ? EnumSet.allOf(IncidentKind.class) : EnumSet.copyOf(kinds);
    }
  }

  private Rehearsal() {}

  public static RehearsalResult run(Options options) {
    return run(options, World.of(options.season()));
  }

  /** The same over a season already read (tests read it once). */
  static RehearsalResult run(Options options, World world) {
    NavigableSet<LocalDate> gameDates = world.gameDates();
    LocalDate first = gameDates.first();
    LocalDate lastGame =
        options.until() == null ? gameDates.last() : gameDates.floor(options.until());
    if (lastGame == null || lastGame.isBefore(first)) {
      throw new IllegalArgumentException(
          "--until " + options.until() + " is before the season's first game date " + first);
    }
    LocalDate lastDay = lastGame.plusDays(IncidentPlan.TAIL_DAYS);
    Map<String, String> env =
        Map.of(PipelineConfig.AUTO_HEAL, Boolean.toString(options.autoHeal()));
    int bootstrapDays = PipelineConfig.fromEnvironment(env, ".").thresholds().bootstrapDays();
    // Out of the bootstrap window (nothing is computed there), and early enough to see a heal.
    NavigableSet<LocalDate> eligible =
        gameDates.stream()
            .filter(date -> date.isAfter(first.plusDays(bootstrapDays)))
            .filter(date -> !date.isAfter(lastGame.minusDays(IncidentPlan.TAIL_DAYS)))
            .collect(Collectors.toCollection(TreeSet::new));
    if (SeasonCalendar.dayOfSeason(first) != 0) {
      throw new IllegalStateException("the season's first game date is not its opening night");
    }
    List<IncidentPlan.Planned> planned =
        options.incidents() == 0
            ? List.of()
            : IncidentPlan.draw(
                world, eligible, options.seed(), options.incidents(), options.kinds());
    NavigableSet<LocalDate> rehearsed = gameDates.headSet(lastGame, true);
    Path scratch = scratch();
    // The clean run goes on beside the rehearsal (2 cores): the rehearsal waits for its rows only
    // when it first judges a heal.
    // ... computed from the inputs as they stand at the end: restated ones included.
    World end = IncidentPlan.atTheEnd(world, planned);
    CompletableFuture<Map<LocalDate, List<Row>>> truth =
        CompletableFuture.supplyAsync(
            () -> {
              try (SeasonRun clean =
                  new SeasonRun(
                      end, first, lastDay, env, scratch.resolve("clean"), new RunMode.Clean())) {
                clean.backfillClean(lastGame);
                return clean.reads().factorRows(rehearsed);
              }
            });
    try (SeasonRun run =
        new SeasonRun(
            world,
            first,
            lastDay,
            env,
            scratch.resolve("incidents"),
            new RunMode.Rehearsed(planned, truth::join, IncidentPlan.ON_CALL_DELAY))) {
      run.run();
      Map<LocalDate, String> statuses = new TreeMap<>();
      List<LocalDate> differing = new ArrayList<>();
      Map<LocalDate, List<Row>> rows = run.reads().factorRows(rehearsed);
      for (LocalDate date : rehearsed) {
        statuses.put(date, run.reads().status(date));
        if (!rows.get(date).equals(truth.join().get(date))) {
          differing.add(date);
        }
      }
      return new RehearsalResult(
          options.seed(),
          options.autoHeal(),
          first,
          lastGame,
          run.incidents(),
          run.falseAlarms(),
          statuses,
          differing,
          run.dataLatencies());
    } finally {
      truth.join();
      Folders.delete(scratch);
    }
  }

  private static Path scratch() {
    try {
      return Files.createTempDirectory("pcf-rehearsal");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a scratch folder for the rehearsal", e);
    }
  }
}
