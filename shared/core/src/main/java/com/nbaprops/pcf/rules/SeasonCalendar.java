package com.nbaprops.pcf.rules;

import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * Season boundaries and the bootstrap window: the first {@code bootstrapDays} days of a season (day
 * 0 is opening night) have too little history for the factors, so they are skipped and recorded as
 * skipped.
 */
public record SeasonCalendar(int bootstrapDays) {
  private static final Map<Integer, LocalDate> OPENING_NIGHTS =
      Map.of(
          2021, LocalDate.of(2021, 10, 19),
          2022, LocalDate.of(2022, 10, 18),
          2023, LocalDate.of(2023, 10, 24),
          2024, LocalDate.of(2024, 10, 22),
          2025, LocalDate.of(2025, 10, 21));

  public SeasonCalendar {
    if (bootstrapDays < 0) {
      throw new IllegalArgumentException("bootstrap days must not be negative: " + bootstrapDays);
    }
  }

  /** The year a season starts in: October onwards belongs to that year's season. */
  public static int seasonYear(LocalDate date) {
    return date.getMonthValue() >= Month.OCTOBER.getValue() ? date.getYear() : date.getYear() - 1;
  }

  public static LocalDate seasonStart(int seasonYear) {
    return OPENING_NIGHTS.getOrDefault(seasonYear, LocalDate.of(seasonYear, 10, 22));
  }

  /** Days since opening night (0 on opening night, negative before it). */
  public static long dayOfSeason(LocalDate date) {
    return ChronoUnit.DAYS.between(seasonStart(seasonYear(date)), date);
  }

  public boolean isBootstrap(LocalDate date) {
    long day = dayOfSeason(date);
    return day >= 0 && day < bootstrapDays;
  }
}
