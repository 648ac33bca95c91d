package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * An input of a date restated days after the date was computed: the league's stat correction, a
 * processor re-run with other values. Each input an upcoming-context date's values come from. The
 * date's rows are stale until recomputed; the season's final inputs are the restated ones.
 */
final class StatCorrection extends Scenario {
  /** The feed, and the column of a player's row it corrects, and by how much. */
  private record Correction(Feed feed, String column, double by) {}

  /**
   * The inputs whose values an upcoming-context date is made of; a box score's restatement stales
   * the synthetic stand-in's dates only (StaleDatesTest), which a season of daily runs rarely has.
   */
  private static final List<Correction> CORRECTIONS =
      List.of(
          new Correction(Feed.PLAYER_CONTEXT, "minutes_in_last_7_days", 40),
          new Correction(Feed.SHOT_ZONES, "paint_rate_last_10", 0.2),
          new Correction(Feed.ZONE_DEFENSE, "paint_defense_vs_league_avg", 3));

  StatCorrection() {
    super("an input of a computed date restated days later (a stat correction)");
  }

  @Override
  Injection plan(LocalDate date, World world, Random random) {
    Correction correction = CORRECTIONS.get(random.nextInt(CORRECTIONS.size()));
    List<Row> original = world.partition(correction.feed(), date);
    List<Row> restated = corrected(original, correction);
    ZonedDateTime at = daysLater(date, random);
    return new Injection(
        date,
        at,
        correction.feed().table().name() + "." + correction.column(),
        run -> {
          run.releaseInstead(correction.feed(), date, original);
          run.at(at, "restatement", () -> run.write(correction.feed(), date, restated));
        },
        Optional.of(new Restatement(correction.feed(), date, restated)));
  }

  /** The partition with the first player's value corrected (a missing value becomes one). */
  private static List<Row> corrected(List<Row> rows, Correction correction) {
    String key = rows.isEmpty() || rows.get(0).has("player_lookup") ? "player_lookup" : "team_abbr";
    Row first =
        rows.stream()
            .min(Comparator.comparing((Row row) -> row.string(key)))
            .orElseThrow(() -> new IllegalStateException("nothing to restate"));
    List<Row> corrected = new ArrayList<>();
    for (Row row : rows) {
      if (!row.equals(first)) {
        corrected.add(row);
        continue;
      }
      Object value = row.get(correction.column());
      double before = value == null ? 0 : ((Number) value).doubleValue();
      Object after =
          value instanceof Long
              ? (Object) (long) (before + correction.by())
              : before + correction.by();
      Map<String, Object> values = new LinkedHashMap<>(row.values());
      values.put(correction.column(), after);
      corrected.add(Row.of(values));
    }
    return corrected;
  }
}
