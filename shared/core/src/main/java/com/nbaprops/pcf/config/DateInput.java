package com.nbaprops.pcf.config;

import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Each input a date's composite factors depend on, checked per date against what should exist: the
 * box scores of every scheduled game and team, the shot-zone profile of every player with an
 * earlier shot this season, the zone defense of every team with enough games behind it, the usage
 * rate of every player who played minutes, and the completeness of the rows written.
 */
public enum DateInput {
  /** A player box score for every scheduled game (player_game_summary). */
  BOX_SCORES("games", FailureCategory.UPSTREAM_NOT_READY),
  /** A team box score for both teams of every scheduled game: the pace inputs. */
  TEAM_BOX_SCORES("teams", FailureCategory.UPSTREAM_NOT_READY),
  /** A shot-zone profile for every player who took a shot earlier in the season. */
  SHOT_ZONES("players", FailureCategory.INPUT_MISSING),
  /** A zone-defense profile for every team with enough games behind it. */
  ZONE_DEFENSE("teams", FailureCategory.INPUT_MISSING),
  /** A usage rate for every player who played minutes: the usage inputs of later dates. */
  USAGE("players", FailureCategory.INPUT_MISSING),
  /** The mean data_completeness_pct of the rows written: rows computed from hollow inputs. */
  FACTOR_COMPLETENESS("rows", FailureCategory.INPUT_MISSING);

  /**
   * The default thresholds: every normal date of the real 2022-23 season has 100% of each count and
   * a mean completeness of at least 98.6% (docs/operations.md).
   */
  public static final String DEFAULTS =
      "box_scores:100:critical,team_box_scores:100:critical,shot_zones:95:critical,"
          + "zone_defense:100:critical,usage:95:critical,factor_completeness:95:critical";

  private final String keys;
  private final FailureCategory category;

  DateInput(String keys, FailureCategory category) {
    this.keys = keys;
    this.category = category;
  }

  /** The name in configuration and in SQL column names, e.g. {@code shot_zones}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The table the input comes from: the upstream to look at when it is missing. */
  public TableDefinition table() {
    return switch (this) {
      case BOX_SCORES, USAGE -> Tables.PLAYER_GAME_SUMMARY;
      case TEAM_BOX_SCORES -> Tables.TEAM_OFFENSE_GAME_SUMMARY;
      case SHOT_ZONES -> Tables.PLAYER_SHOT_ZONE_ANALYSIS;
      case ZONE_DEFENSE -> Tables.TEAM_DEFENSE_ZONE_ANALYSIS;
      case FACTOR_COMPLETENESS -> Tables.PLAYER_COMPOSITE_FACTORS;
    };
  }

  /** What is counted: games, teams, players or rows. */
  public String keys() {
    return keys;
  }

  /** The failure a shortfall is recorded as. */
  public FailureCategory category() {
    return category;
  }

  /** Whether it is an input read before computing (as opposed to the output's own completeness). */
  public boolean upstream() {
    return this != FACTOR_COMPLETENESS;
  }

  public static DateInput ofId(String id) {
    for (DateInput input : values()) {
      if (input.id().equals(id)) {
        return input;
      }
    }
    throw new IllegalArgumentException(
        "'"
            + id
            + "' is not an input; the inputs are "
            + Arrays.stream(values()).map(DateInput::id).collect(Collectors.joining(", ")));
  }
}
