package com.nbaprops.pcf.local.season;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** The platform's game id: {@code YYYYMMDD_AWAY_HOME}. */
final class GameIds {
  private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private GameIds() {}

  static String of(LocalDate date, String away, String home) {
    return date.format(BASIC) + "_" + away + "_" + home;
  }
}
