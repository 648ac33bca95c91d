package com.nbaprops.pcf.config;

import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * When each upstream table's partition of a game date is due ({@code INPUT_DUE}), in the league's
 * time zone, and how long after that a missing one is called late ({@code
 * INPUT_DUE_GRACE_MINUTES}). The defaults are the upstream processors' schedule: a night's box
 * scores by 02:00 the next morning, a game day's contexts and profiles by 10:00 that morning.
 */
public record InputDue(Map<TableDefinition, Due> byTable, Duration grace) {

  /** A table's partition of game date D is due on D plus {@code daysAfterGame}, at {@code at}. */
  public record Due(TableDefinition table, int daysAfterGame, LocalTime at) {
    public ZonedDateTime of(LocalDate gameDate, ZoneId zone) {
      return ZonedDateTime.of(gameDate.plusDays(daysAfterGame), at, zone);
    }

    /** As configured: {@code player_game_summary=D+1 02:00}. */
    @Override
    public String toString() {
      return table.name() + "=D" + (daysAfterGame == 0 ? "" : "+" + daysAfterGame) + " " + at;
    }
  }

  /** The tables with a due time: every upstream table the suite reads. */
  public static final List<TableDefinition> TABLES =
      List.of(
          Tables.PLAYER_GAME_SUMMARY,
          Tables.TEAM_OFFENSE_GAME_SUMMARY,
          Tables.UPCOMING_PLAYER_GAME_CONTEXT,
          Tables.UPCOMING_TEAM_GAME_CONTEXT,
          Tables.PLAYER_SHOT_ZONE_ANALYSIS,
          Tables.TEAM_DEFENSE_ZONE_ANALYSIS);

  public static final String DEFAULTS =
      "player_game_summary=D+1 02:00,team_offense_game_summary=D+1 02:00,"
          + "upcoming_player_game_context=D 10:00,upcoming_team_game_context=D 10:00,"
          + "player_shot_zone_analysis=D 10:00,team_defense_zone_analysis=D 10:00";

  public static final int DEFAULT_GRACE_MINUTES = 30;

  private static final Pattern ENTRY = Pattern.compile("([a-z_]+)=D(?:\\+(\\d))? (\\d{2}:\\d{2})");

  public InputDue {
    byTable = Map.copyOf(byTable);
  }

  /**
   * Parses {@code table=D[+n] HH:MM,...} (n from 0 to 3 days after the game); a table not listed
   * keeps its default.
   *
   * @throws IllegalArgumentException naming the entry that cannot be read
   */
  public static InputDue parse(String text, int graceMinutes) {
    Map<TableDefinition, Due> due = new LinkedHashMap<>();
    for (Due entry : entries(DEFAULTS)) {
      due.put(entry.table(), entry);
    }
    for (Due entry : entries(text)) {
      due.put(entry.table(), entry);
    }
    return new InputDue(due, Duration.ofMinutes(graceMinutes));
  }

  private static List<Due> entries(String text) {
    if (text.isBlank()) {
      return List.of();
    }
    return Arrays.stream(text.split(",", -1)).map(String::trim).map(InputDue::entry).toList();
  }

  private static Due entry(String text) {
    Matcher matcher = ENTRY.matcher(text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not table=D[+days] HH:MM (e.g. player_game_summary=D+1 02:00)");
    }
    TableDefinition table =
        TABLES.stream()
            .filter(t -> t.name().equals(matcher.group(1)))
            .findFirst()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "'"
                            + matcher.group(1)
                            + "' has no due time; the inputs are "
                            + TABLES.stream()
                                .map(TableDefinition::name)
                                .collect(Collectors.joining(", "))));
    int days = matcher.group(2) == null ? 0 : Integer.parseInt(matcher.group(2));
    if (days > 3) {
      throw new IllegalArgumentException(
          "'" + text + "': an input due more than 3 days after its games is not an input");
    }
    try {
      return new Due(table, days, LocalTime.parse(matcher.group(3)));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + text + "': " + matcher.group(3) + " is no time", e);
    }
  }

  public Due of(TableDefinition table) {
    Due due = byTable.get(table);
    if (due == null) {
      throw new IllegalArgumentException(table.name() + " has no due time");
    }
    return due;
  }

  /** The configured times in their text form, in the order of {@link #TABLES}. */
  @Override
  public String toString() {
    return TABLES.stream().map(t -> of(t).toString()).collect(Collectors.joining(","));
  }
}
