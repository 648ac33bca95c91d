package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.season.Seeder;
import java.io.PrintWriter;

/** Loads a season of real box scores into the embedded warehouse, replacing the input tables. */
public final class Seeding {
  private Seeding() {}

  /**
   * Seeds {@code season}, printing each table's rows; with {@code incident}, plants the Feb-2023
   * incident's stale upcoming rows.
   */
  public static void seed(LocalRuntime local, String season, boolean incident, PrintWriter out) {
    Seeder seeder = new Seeder(local.runtime().warehouse(), local.runtime().config().catalog());
    long started = System.nanoTime();
    seeder
        .seed(season)
        .forEach((table, rows) -> out.printf("  %-32s %7d rows%n", table.name(), rows));
    out.printf("seeded season %s in %.1f s%n", season, (System.nanoTime() - started) / 1e9);
    if (incident) {
      seeder
          .plantIncident()
          .forEach(
              (date, kept) ->
                  out.printf("  incident: %s keeps %d stale upcoming rows%n", date, kept));
    }
  }
}
