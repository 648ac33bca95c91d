package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.local.operations.Backfill;
import com.nbaprops.pcf.local.operations.Demo;
import com.nbaprops.pcf.local.operations.Progress;
import com.nbaprops.pcf.local.operations.Seeding;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.logging.LogSink;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.sql.Sql;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * The one runtime fixture of the CLI's tests: the real 2022-23 season in the embedded warehouse, as
 * of 2023-03-10. Each stage is built once per test JVM into a template file; every test opens a
 * copy of its own, so no test sees another's writes and none depends on running after another.
 */
public enum SeasonFixture {
  /** The season as seeded, no incident. */
  SEASON,
  /** The season with the incident's stale upcoming rows planted (1 of 187, 68 of 175). */
  INCIDENT,
  /** The incident, then February backfilled with force through the local bus. */
  FEBRUARY_BACKFILLED;

  public static final LocalDate TODAY = LocalDate.of(2023, 3, 10);
  private static final String WAREHOUSE = "warehouse.duckdb";
  private static final Map<SeasonFixture, Path> TEMPLATES = new EnumMap<>(SeasonFixture.class);

  /** A runtime over a fresh copy of this stage's warehouse in {@code home}, logging nowhere. */
  public LocalRuntime open(Path home) {
    return open(home, (severity, message, labels) -> {});
  }

  public LocalRuntime open(Path home, LogSink logs) {
    return open(home, Map.of(), logs);
  }

  /** The same with {@code env} as the environment (e.g. {@code BUS=local:4}). */
  public LocalRuntime open(Path home, Map<String, String> env, LogSink logs) {
    copyTo(home);
    return LocalRuntime.open(home, env, TODAY, logs);
  }

  /**
   * {@code seeded}'s runtime over {@code warehouse} (a faulty one, say), with a bus of its own so
   * the functions wired to it run over that warehouse.
   */
  static LocalRuntime over(LocalRuntime seeded, Warehouse warehouse, Path home) {
    PipelineRuntime runtime = seeded.runtime();
    LocalEventBus bus =
        new LocalEventBus(
            runtime.config().projectId(),
            LocalEventBus.MAX_DELIVERY_ATTEMPTS,
            runtime.clock(),
            StructuredLog.to(runtime.logSink()));
    return LocalRuntime.of(runtime.withWarehouse(warehouse).withBus(bus), bus, home);
  }

  /** The same over a bus that delivers on its own thread, for {@code serve}'s host. */
  public LocalRuntime openForHosting(Path home) {
    copyTo(home);
    return LocalRuntime.openForHosting(home, Map.of(), TODAY, (severity, message, labels) -> {});
  }

  /**
   * Deletes the composite factors of 93 of 2023-02-23's 187 players, then runs the metadata sweep
   * over the date: it becomes INCOMPLETE, 94 of 187, with a failure row.
   */
  static void breakFebruary23(LocalRuntime local) {
    local
        .runtime()
        .warehouse()
        .execute(
            Sql.of(
                    "DELETE FROM nba_precompute.player_composite_factors WHERE game_date = @d AND"
                        + " player_lookup IN (SELECT player_lookup FROM"
                        + " nba_precompute.player_composite_factors WHERE game_date = @d ORDER BY"
                        + " player_lookup LIMIT 93)")
                .date("d", LocalDate.of(2023, 2, 23)));
    local
        .runtime()
        .publisher()
        .publish(
            Topic.METADATA_TRACKING_TRIGGER,
            "{\"start_date\":\"2023-02-23\",\"end_date\":\"2023-02-23\",\"flag_incomplete\":true}",
            Map.of());
  }

  private void copyTo(Path home) {
    try {
      Files.createDirectories(home);
      Files.copy(template(), home.resolve(WAREHOUSE), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Path template() throws IOException {
    synchronized (TEMPLATES) {
      Path template = TEMPLATES.get(this);
      if (template == null) {
        Path home =
            Files.createTempDirectory("season-" + name().toLowerCase(java.util.Locale.ROOT));
        home.toFile().deleteOnExit();
        build(home).close(); // closing checkpoints the warehouse into its one file
        template = home.resolve(WAREHOUSE);
        template.toFile().deleteOnExit();
        TEMPLATES.put(this, template);
      }
      return template;
    }
  }

  private LocalRuntime build(Path home) {
    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
    return switch (this) {
      case SEASON, INCIDENT -> {
        LocalRuntime local = LocalRuntime.open(home, Map.of(), TODAY, (s, m, l) -> {});
        Seeding.seed(local, "2022-23", this == INCIDENT, quiet);
        yield local;
      }
      case FEBRUARY_BACKFILLED -> {
        LocalRuntime local = INCIDENT.open(home);
        new Backfill(local, quiet, Progress.none()).range(Demo.FEBRUARY, true, true);
        yield local;
      }
    };
  }
}
