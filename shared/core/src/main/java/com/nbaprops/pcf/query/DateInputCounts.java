package com.nbaprops.pcf.query;

import com.nbaprops.pcf.config.DateInput;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * What a date should have and has, per input.
 *
 * @param scheduledGames games the schedule lists for the date (postponed and cancelled ones aside)
 */
record DateInputCounts(LocalDate date, long scheduledGames, Map<DateInput, Count> counts) {

  /**
   * One input: {@code present} of {@code expected} keys ({@code pct} of them; for the factors'
   * completeness, the mean completeness of {@code expected} rows), the keys that lack it, and how
   * many keys were counted apart as not expected to have it (players without an earlier shot this
   * season have no shot-zone profile).
   */
  public record Count(
      DateInput input, long expected, long present, double pct, String missing, long notExpected) {}

  public DateInputCounts {
    counts = Map.copyOf(counts);
  }

  /** A date the schedule has no game for and the box scores know nothing of. */
  static DateInputCounts nothingExpected(LocalDate date) {
    Map<DateInput, Count> counts = new EnumMap<>(DateInput.class);
    for (DateInput input : DateInput.values()) {
      counts.put(input, new Count(input, 0, 0, 100.0, null, 0));
    }
    return new DateInputCounts(date, 0, counts);
  }

  public Count count(DateInput input) {
    return counts.get(input);
  }

  /** No game scheduled and no box score: an off day, not a day whose box scores are late. */
  public boolean offDay() {
    return scheduledGames == 0 && count(DateInput.BOX_SCORES).expected() == 0;
  }
}
