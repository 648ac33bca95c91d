package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * An upstream processor's table and when a game date's partition lands in it: the box scores of a
 * night overnight, the morning's context, shot-zone profiles and zone defense on the morning of the
 * games (the hour the seed stamps them with). The schedule is published before the season.
 */
@SuppressWarnings("ImmutableEnumChecker") // TableDefinition is a record of immutable lists
enum Feed {
  BOX_SCORES(Tables.PLAYER_GAME_SUMMARY, "game_date", 1, LocalTime.of(2, 0)),
  TEAM_BOX_SCORES(Tables.TEAM_OFFENSE_GAME_SUMMARY, "game_date", 1, LocalTime.of(2, 0)),
  PLAYER_CONTEXT(Tables.UPCOMING_PLAYER_GAME_CONTEXT, "game_date", 0, LocalTime.of(10, 0)),
  TEAM_CONTEXT(Tables.UPCOMING_TEAM_GAME_CONTEXT, "game_date", 0, LocalTime.of(10, 0)),
  SHOT_ZONES(Tables.PLAYER_SHOT_ZONE_ANALYSIS, "analysis_date", 0, LocalTime.of(10, 0)),
  ZONE_DEFENSE(Tables.TEAM_DEFENSE_ZONE_ANALYSIS, "analysis_date", 0, LocalTime.of(10, 0));

  /** The feeds a date's lineage fingerprints (the team context is not read by the factors). */
  static final List<Feed> FINGERPRINTED =
      List.of(BOX_SCORES, PLAYER_CONTEXT, SHOT_ZONES, ZONE_DEFENSE);

  private final TableDefinition table;
  private final String dateColumn;
  private final int daysAfterGames;
  private final LocalTime at;

  Feed(TableDefinition table, String dateColumn, int daysAfterGames, LocalTime at) {
    this.table = table;
    this.dateColumn = dateColumn;
    this.daysAfterGames = daysAfterGames;
    this.at = at;
  }

  TableDefinition table() {
    return table;
  }

  String dateColumn() {
    return dateColumn;
  }

  /** When the partition of {@code gameDate} lands on a normal day. */
  ZonedDateTime landsFor(LocalDate gameDate) {
    return ZonedDateTime.of(gameDate.plusDays(daysAfterGames), at, ScheduledJob.TIME_ZONE);
  }
}
