package com.nbaprops.pcf.local.season;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Field goals made and attempted in each zone: the paint (restricted area and the rest of the
 * paint), mid-range (other twos) and three, as the shot-level files count them.
 */
record ZoneShots(
    long paintMakes,
    long paintAttempts,
    long midMakes,
    long midAttempts,
    long threeMakes,
    long threeAttempts) {

  /** A zone, by the name the tables use for it. */
  enum Zone {
    PAINT("paint"),
    MID_RANGE("mid_range"),
    PERIMETER("perimeter");

    private final String tableName;

    Zone(String tableName) {
      this.tableName = tableName;
    }

    String tableName() {
      return tableName;
    }
  }

  /** The counts of a CSV row whose columns are {@code prefix + PAINT_FGM}, ... */
  static ZoneShots parse(Map<String, String> row, String prefix) {
    Function<String, Long> count = column -> Long.parseLong(row.get(prefix + column));
    return new ZoneShots(
        count.apply("PAINT_FGM"),
        count.apply("PAINT_FGA"),
        count.apply("MID_FGM"),
        count.apply("MID_FGA"),
        count.apply("THREE_FGM"),
        count.apply("THREE_FGA"));
  }

  long made(Zone zone) {
    return switch (zone) {
      case PAINT -> paintMakes;
      case MID_RANGE -> midMakes;
      case PERIMETER -> threeMakes;
    };
  }

  long attempted(Zone zone) {
    return switch (zone) {
      case PAINT -> paintAttempts;
      case MID_RANGE -> midAttempts;
      case PERIMETER -> threeAttempts;
    };
  }

  long attempts() {
    return paintAttempts + midAttempts + threeAttempts;
  }

  /** The counts of several games added up. */
  static ZoneShots sum(List<ZoneShots> games) {
    return new ZoneShots(
        games.stream().mapToLong(ZoneShots::paintMakes).sum(),
        games.stream().mapToLong(ZoneShots::paintAttempts).sum(),
        games.stream().mapToLong(ZoneShots::midMakes).sum(),
        games.stream().mapToLong(ZoneShots::midAttempts).sum(),
        games.stream().mapToLong(ZoneShots::threeMakes).sum(),
        games.stream().mapToLong(ZoneShots::threeAttempts).sum());
  }
}
