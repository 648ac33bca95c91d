package com.nbaprops.pcf.query;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.nbaprops.pcf.port.Row;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The four factor scores a computation wrote, per player: what tells, after a recompute, how many
 * rows moved and by how much.
 */
public record FactorDigest(Map<String, List<Double>> scores) {
  /** The factor columns of player_composite_factors, in the digest's order. */
  public static final List<String> FACTORS =
      List.of("fatigue_score", "shot_zone_mismatch_score", "pace_score", "usage_spike_score");

  public FactorDigest {
    scores = Map.copyOf(scores);
  }

  /** The digest of a date's player_composite_factors rows. */
  public static FactorDigest of(List<Row> rows) {
    Map<String, List<Double>> scores = new TreeMap<>();
    for (Row row : rows) {
      scores.put(
          row.string("player_lookup"),
          FACTORS.stream().map(factor -> ((Number) row.get(factor)).doubleValue()).toList());
    }
    return new FactorDigest(scores);
  }

  public String toJson() {
    JsonObject json = new JsonObject();
    new TreeMap<>(scores)
        .forEach(
            (player, values) -> {
              JsonArray array = new JsonArray();
              values.forEach(array::add);
              json.add(player, array);
            });
    return json.toString();
  }

  public static FactorDigest fromJson(String text) {
    Map<String, List<Double>> scores = new TreeMap<>();
    JsonParser.parseString(text)
        .getAsJsonObject()
        .entrySet()
        .forEach(
            entry ->
                scores.put(
                    entry.getKey(),
                    entry.getValue().getAsJsonArray().asList().stream()
                        .map(value -> value.getAsDouble())
                        .toList()));
    return new FactorDigest(scores);
  }

  /**
   * What moved from {@code before} to this: "12 of 187 rows moved; largest change: fatigue_score of
   * jamesharden, 41.0 to 38.0"; players who came or went count as moved.
   */
  public String changesSince(FactorDigest before) {
    int moved = 0;
    String largest = null;
    double largestDelta = 0;
    for (Map.Entry<String, List<Double>> entry : scores.entrySet()) {
      List<Double> old = before.scores.get(entry.getKey());
      if (old == null) {
        moved++;
        continue;
      }
      boolean changed = false;
      for (int i = 0; i < FACTORS.size(); i++) {
        double delta = Math.abs(entry.getValue().get(i) - old.get(i));
        if (delta > 1e-9) {
          changed = true;
          if (delta > largestDelta) {
            largestDelta = delta;
            largest =
                String.format(
                    Locale.ROOT,
                    "%s of %s, %.1f to %.1f",
                    FACTORS.get(i),
                    entry.getKey(),
                    old.get(i),
                    entry.getValue().get(i));
          }
        }
      }
      if (changed) {
        moved++;
      }
    }
    moved += (int) before.scores.keySet().stream().filter(p -> !scores.containsKey(p)).count();
    return String.format(
        Locale.ROOT,
        "%d of %d rows moved%s",
        moved,
        scores.size(),
        largest == null ? "" : "; largest change: " + largest);
  }
}
