package com.nbaprops.pcf.table;

import static com.nbaprops.pcf.sql.ColumnType.BOOL;
import static com.nbaprops.pcf.sql.ColumnType.DATE;
import static com.nbaprops.pcf.sql.ColumnType.FLOAT64;
import static com.nbaprops.pcf.sql.ColumnType.INT64;
import static com.nbaprops.pcf.sql.ColumnType.STRING;
import static com.nbaprops.pcf.sql.ColumnType.TIMESTAMP;

import java.util.List;

/**
 * Every table the suite reads or writes. The input tables carry the columns the suite uses, not
 * every column of the upstream platform's schema.
 */
public final class Tables {
  private Tables() {}

  /**
   * The league schedule as the upstream knows it: what should exist for a date. The upcoming team
   * context also lists a date's games, but the cleanup deletes it after a week, and a backfill must
   * still know which games were played.
   */
  public static final TableDefinition NBA_SCHEDULE =
      TableDefinition.builder(
              Dataset.ANALYTICS,
              "nba_schedule",
              "One row per scheduled game (the league schedule).")
          .required("game_id", STRING, "YYYYMMDD_AWAY_HOME")
          .required("game_date", DATE, "game date")
          .required("season_year", INT64, "season start year")
          .required("home_team_abbr", STRING, "home team")
          .required("away_team_abbr", STRING, "road team")
          .required(
              "game_status",
              STRING,
              "SCHEDULED, FINAL, POSTPONED or CANCELLED; the last two are expected to have no box score")
          .partitionBy("game_date", true)
          .clusterBy("game_date")
          .key("game_id")
          .build();

  public static final TableDefinition PLAYER_GAME_SUMMARY =
      TableDefinition.builder(
              Dataset.ANALYTICS,
              "player_game_summary",
              "One row per player per game played (box score).")
          .required("player_lookup", STRING, "normalised player name, e.g. nikolajokic")
          .nullable("universal_player_id", STRING, "stable player id")
          .nullable("player_full_name", STRING, "display name")
          .required("game_id", STRING, "YYYYMMDD_AWAY_HOME")
          .required("game_date", DATE, "game date")
          .required("team_abbr", STRING, "player's team")
          .required("opponent_team_abbr", STRING, "opponent team")
          .required("season_year", INT64, "season start year")
          .nullable("minutes_played", FLOAT64, "minutes played")
          .nullable("points", INT64, "points")
          .nullable("rebounds", INT64, "total rebounds")
          .nullable("assists", INT64, "assists")
          .nullable("steals", INT64, "steals")
          .nullable("blocks", INT64, "blocks")
          .nullable("turnovers", INT64, "turnovers")
          .nullable("plus_minus", INT64, "plus-minus")
          .nullable("fg_pct", FLOAT64, "field-goal percentage (0-1)")
          .nullable("three_pt_pct", FLOAT64, "three-point percentage (0-1)")
          .nullable("ft_pct", FLOAT64, "free-throw percentage (0-1)")
          .nullable("usage_rate", FLOAT64, "usage rate; needs player shot attempts")
          .required("home_game", BOOL, "player's team at home")
          .required("win_flag", BOOL, "player's team won")
          .required("is_active", BOOL, "player was active")
          .partitionBy("game_date", true)
          .clusterBy("player_lookup", "team_abbr", "game_date")
          .build();

  public static final TableDefinition TEAM_OFFENSE_GAME_SUMMARY =
      TableDefinition.builder(
              Dataset.ANALYTICS,
              "team_offense_game_summary",
              "One row per team per game (team box score).")
          .required("game_id", STRING, "YYYYMMDD_AWAY_HOME")
          .nullable("nba_game_id", STRING, "NBA.com game id")
          .required("game_date", DATE, "game date")
          .required("team_abbr", STRING, "team")
          .required("opponent_team_abbr", STRING, "opponent")
          .required("season_year", INT64, "season start year")
          .nullable("points_scored", INT64, "points")
          .nullable("fg_attempts", INT64, "field-goal attempts")
          .nullable("fg_makes", INT64, "field goals made")
          .nullable("three_pt_attempts", INT64, "three-point attempts")
          .nullable("three_pt_makes", INT64, "three-pointers made")
          .nullable("ft_attempts", INT64, "free-throw attempts")
          .nullable("ft_makes", INT64, "free throws made")
          .nullable("offensive_rebounds", INT64, "offensive rebounds")
          .nullable("rebounds", INT64, "rebounds")
          .nullable("assists", INT64, "assists")
          .nullable("turnovers", INT64, "turnovers")
          .nullable("personal_fouls", INT64, "fouls")
          .nullable("possessions", INT64, "FGA + 0.44 FTA - OREB + TOV, rounded")
          .nullable("pace", FLOAT64, "possessions per game (regulation and overtime alike)")
          .nullable("offensive_rating", FLOAT64, "points per 100 possessions")
          .required("home_game", BOOL, "team at home")
          .required("win_flag", BOOL, "team won")
          .nullable("margin_of_victory", INT64, "points margin")
          .partitionBy("game_date", true)
          .clusterBy("team_abbr", "game_date")
          .build();

  public static final TableDefinition UPCOMING_PLAYER_GAME_CONTEXT =
      TableDefinition.builder(
              Dataset.ANALYTICS,
              "upcoming_player_game_context",
              "Pre-game context, one row per player per upcoming game.")
          .required("player_lookup", STRING, "normalised player name")
          .nullable("universal_player_id", STRING, "stable player id")
          .required("game_id", STRING, "YYYYMMDD_AWAY_HOME")
          .required("game_date", DATE, "game date")
          .required("team_abbr", STRING, "player's team")
          .required("opponent_team_abbr", STRING, "opponent")
          .nullable("home_game", BOOL, "player's team at home")
          .nullable(
              "days_rest", INT64, "full days off since the player's last game (0 = back-to-back)")
          .nullable("back_to_back", BOOL, "played the day before")
          .nullable("games_in_last_7_days", INT64, "games in the 7 days before")
          .nullable("minutes_in_last_7_days", INT64, "minutes in the 7 days before")
          .nullable("avg_minutes_per_game_last_7", FLOAT64, "minutes per game in the 7 days before")
          .nullable("games_in_last_14_days", INT64, "games in the 14 days before")
          .nullable("minutes_in_last_14_days", INT64, "minutes in the 14 days before")
          .nullable(
              "back_to_backs_last_14_days", INT64, "consecutive-day pairs in the 14 days before")
          .nullable("player_age", INT64, "age in years")
          .nullable("projected_usage_rate", FLOAT64, "projected usage rate")
          .nullable("avg_usage_rate_last_7_games", FLOAT64, "average usage rate, last 7 games")
          .nullable("star_teammates_out", INT64, "star teammates out")
          .nullable("pace_differential", FLOAT64, "expected game pace minus league pace")
          .nullable("opponent_pace_last_10", FLOAT64, "opponent pace, last 10 games")
          .nullable("processed_at", TIMESTAMP, "when the row was written")
          .partitionBy("game_date", true)
          .clusterBy("player_lookup", "game_date")
          .key("player_lookup", "game_id")
          .build();

  public static final TableDefinition UPCOMING_TEAM_GAME_CONTEXT =
      TableDefinition.builder(
              Dataset.ANALYTICS,
              "upcoming_team_game_context",
              "Pre-game context, one row per team per upcoming game.")
          .required("team_abbr", STRING, "team")
          .required("game_id", STRING, "YYYYMMDD_AWAY_HOME")
          .required("game_date", DATE, "game date")
          .required("season_year", INT64, "season start year")
          .required("opponent_team_abbr", STRING, "opponent")
          .required("home_game", BOOL, "team at home")
          .required("is_back_to_back", BOOL, "played the day before")
          .nullable("days_since_last_game", INT64, "calendar days since the team's last game")
          .nullable("game_number_in_season", INT64, "1 for the first game")
          .required("games_in_last_7_days", INT64, "games in the 7 days before")
          .required("games_in_last_14_days", INT64, "games in the 14 days before")
          .nullable("pace_last_10", FLOAT64, "team pace, last 10 games")
          .nullable("processed_at", TIMESTAMP, "when the row was written")
          .partitionBy("game_date", true)
          .clusterBy("game_date", "team_abbr")
          .key("team_abbr", "game_id")
          .build();

  public static final TableDefinition PLAYER_SHOT_ZONE_ANALYSIS =
      TableDefinition.builder(
              Dataset.PRECOMPUTE,
              "player_shot_zone_analysis",
              "Player shot-zone profile per analysis date.")
          .required("player_lookup", STRING, "normalised player name")
          .required("analysis_date", DATE, "date the profile is for")
          .nullable("primary_scoring_zone", STRING, "paint, mid_range or perimeter")
          .nullable("paint_rate_last_10", FLOAT64, "share of shots in the paint, last 10 games (%)")
          .nullable(
              "mid_range_rate_last_10", FLOAT64, "share of mid-range shots, last 10 games (%)")
          .nullable(
              "three_pt_rate_last_10", FLOAT64, "share of three-point shots, last 10 games (%)")
          .nullable(
              "early_season_flag", BOOL, "fewer than 5 games with an attempt behind the shares")
          .partitionBy("analysis_date", true)
          .clusterBy("player_lookup")
          .build();

  public static final TableDefinition TEAM_DEFENSE_ZONE_ANALYSIS =
      TableDefinition.builder(
              Dataset.PRECOMPUTE,
              "team_defense_zone_analysis",
              "Team defense by zone per analysis date.")
          .required("team_abbr", STRING, "team")
          .required("analysis_date", DATE, "date the profile is for")
          .nullable(
              "paint_defense_vs_league_avg",
              FLOAT64,
              "opponent paint FG% minus league (points; + = weak)")
          .nullable(
              "mid_range_defense_vs_league_avg",
              FLOAT64,
              "opponent mid-range FG% minus league (+ = weak)")
          .nullable(
              "three_pt_defense_vs_league_avg", FLOAT64, "opponent 3P% minus league (+ = weak)")
          .nullable(
              "weakest_zone",
              STRING,
              "zone with the largest positive value, when more than one is known")
          .nullable("games_in_sample", INT64, "games behind the numbers")
          .partitionBy("analysis_date", true)
          .clusterBy("team_abbr")
          .build();

  public static final TableDefinition PLAYER_COMPOSITE_FACTORS =
      TableDefinition.builder(
              Dataset.PRECOMPUTE,
              "player_composite_factors",
              "Four adjustment scores per player per game date.")
          .required("player_lookup", STRING, "normalised player name")
          .nullable("universal_player_id", STRING, "stable player id")
          .required("game_date", DATE, "game date")
          .required("game_id", STRING, "YYYYMMDD_AWAY_HOME")
          .required("analysis_date", DATE, "date processed")
          .required("fatigue_score", INT64, "0-100, higher is fresher")
          .required("shot_zone_mismatch_score", FLOAT64, "-10..+10")
          .required("pace_score", FLOAT64, "-3..+3")
          .required("usage_spike_score", FLOAT64, "-3..+3")
          .required("referee_favorability_score", FLOAT64, "deferred, 0.0")
          .required("look_ahead_pressure_score", FLOAT64, "deferred, 0.0")
          .required("travel_impact_score", FLOAT64, "deferred, 0.0")
          .required("opponent_strength_score", FLOAT64, "deferred, 0.0")
          .required("total_composite_adjustment", FLOAT64, "sum of the adjustments, 2 dp")
          .nullable("fatigue_context_json", STRING, "inputs and reasons of the fatigue score")
          .nullable("shot_zone_context_json", STRING, "inputs of the shot-zone score")
          .nullable("pace_context_json", STRING, "inputs of the pace score")
          .nullable("usage_context_json", STRING, "inputs of the usage score")
          .required("calculation_version", STRING, "v1_4factors")
          .required("data_completeness_pct", FLOAT64, "share of the five inputs present")
          .nullable("missing_data_fields", STRING, "comma-separated missing inputs")
          .required("has_warnings", BOOL, "any warning fired")
          .nullable("warning_details", STRING, "warnings joined with '; '")
          .required("data_source", STRING, "UPCG or SYNTHETIC: where the player context came from")
          .required("run_id", STRING, "run that wrote the row")
          .required("processed_at", TIMESTAMP, "when the row was written")
          .partitionBy("game_date", true)
          .clusterBy("player_lookup", "game_date")
          .build();

  public static final TableDefinition PRECOMPUTE_FAILURES =
      TableDefinition.builder(
              Dataset.ORCHESTRATION,
              "precompute_failures",
              "Failures a person must see: bad input, incomplete dates.")
          .required("failure_id", STRING, "unique id of the failure")
          .required("processor_name", STRING, "function that recorded it")
          .required("run_id", STRING, "run that saw it")
          .required("analysis_date", DATE, "date concerned (the day it was seen for undated input)")
          .required("entity_id", STRING, "DATE_LEVEL, MESSAGE or a player")
          .required("failure_category", STRING, "INVALID_MESSAGE, INCOMPLETE_COVERAGE, ...")
          .required("failure_reason", STRING, "what happened and what to do")
          .required("can_retry", BOOL, "whether reprocessing can fix it")
          .required("resolution_status", STRING, "UNRESOLVED or RESOLVED")
          .nullable("resolved_at", TIMESTAMP, "when it was resolved")
          .required("created_at", TIMESTAMP, "when it was recorded")
          .partitionBy("analysis_date", false)
          .clusterBy("processor_name", "failure_category")
          .build();

  public static final TableDefinition BACKFILL_PROCESSING_METADATA =
      TableDefinition.builder(
              Dataset.ORCHESTRATION,
              "backfill_processing_metadata",
              "One current row per date: how complete it is.")
          .required("analysis_date", DATE, "date tracked")
          .required("expected_players", INT64, "distinct players in player_game_summary")
          .required("actual_players", INT64, "distinct players in player_composite_factors")
          .required("coverage_pct", FLOAT64, "actual / expected, 2 dp")
          .required(
              "status", STRING, "COMPLETE, LOW, INCOMPLETE, STALE, SKIPPED (bootstrap) or OFF_DAY")
          .nullable("data_source", STRING, "UPCG or SYNTHETIC")
          .required(
              "verdict", STRING, "coverage verdict: PASS, WARN, FAIL, SKIPPED, ERROR or TRACKED")
          .nullable(
              "feature_report", STRING, "inputs and features below their line, with missing keys")
          .required("run_id", STRING, "run that tracked it")
          .required("tracked_at", TIMESTAMP, "when it was tracked")
          .partitionBy("analysis_date", false)
          .build();

  /**
   * What each computation of a date read: one row per computation (the latest is current), so a
   * sweep can tell a date computed from inputs that have since been restated, and what the
   * recompute then changed.
   */
  public static final TableDefinition INPUT_LINEAGE =
      TableDefinition.builder(
              Dataset.ORCHESTRATION,
              "input_lineage",
              "Per computation of a date: the inputs it read, fingerprinted, and the factors it wrote.")
          .required("analysis_date", DATE, "date computed")
          .required("data_source", STRING, "UPCG or SYNTHETIC: the rows' player context")
          .required(
              "inputs",
              STRING,
              "JSON: per input table, the partitions read (first, last), distinct rows and checksum")
          .required(
              "factors_digest",
              STRING,
              "JSON: per player, the four factor scores written (what a later recompute changed)")
          .required("run_id", STRING, "run that computed the date")
          .required("recorded_at", TIMESTAMP, "when the rows and this lineage were written")
          .partitionBy("analysis_date", false)
          .build();

  public static final TableDefinition CLEANUP_OPERATIONS =
      TableDefinition.builder(
              Dataset.ORCHESTRATION,
              "cleanup_operations",
              "One audit row per cleanup run, written even when it fails.")
          .required(
              "cleanup_id", STRING, "unique id of the run: a redelivered run rewrites its row")
          .required("cleanup_type", STRING, "upcoming_tables_ttl")
          .required("run_id", STRING, "the run")
          .required("cleanup_date", DATE, "day of the run in the league's time zone")
          .required("cleanup_time", TIMESTAMP, "when the run started")
          .required("ttl_days", INT64, "rows older than this many days are stale")
          .required("cutoff_date", DATE, "rows with game_date before this date are stale")
          .required("dry_run", BOOL, "true when nothing was backed up or deleted")
          .required("status", STRING, "SUCCEEDED or FAILED")
          .required("total_records_backed_up", INT64, "rows written to backups")
          .required("total_records_deleted", INT64, "rows deleted")
          .required(
              "tables_cleaned",
              STRING,
              "JSON: per table, the stale rows per game date, backups and counts")
          .nullable("backup_objects", STRING, "JSON array of the backup object addresses")
          .nullable("errors", STRING, "JSON array of errors, null when there were none")
          .required("duration_seconds", FLOAT64, "wall time of the run")
          .partitionBy("cleanup_date", false)
          .clusterBy("cleanup_type", "status")
          .build();

  /** The tables the TTL cleanup keeps short, each with a {@code game_date} partition and a key. */
  public static final List<TableDefinition> UPCOMING =
      List.of(UPCOMING_PLAYER_GAME_CONTEXT, UPCOMING_TEAM_GAME_CONTEXT);

  /** The tables the suite writes and owns; Terraform declares exactly these. */
  public static final List<TableDefinition> OWNED =
      List.of(
          PLAYER_COMPOSITE_FACTORS,
          PRECOMPUTE_FAILURES,
          BACKFILL_PROCESSING_METADATA,
          INPUT_LINEAGE,
          CLEANUP_OPERATIONS);

  /** All tables, in dependency order. */
  public static final List<TableDefinition> ALL =
      List.of(
          NBA_SCHEDULE,
          PLAYER_GAME_SUMMARY,
          TEAM_OFFENSE_GAME_SUMMARY,
          UPCOMING_PLAYER_GAME_CONTEXT,
          UPCOMING_TEAM_GAME_CONTEXT,
          PLAYER_SHOT_ZONE_ANALYSIS,
          TEAM_DEFENSE_ZONE_ANALYSIS,
          PLAYER_COMPOSITE_FACTORS,
          PRECOMPUTE_FAILURES,
          BACKFILL_PROCESSING_METADATA,
          INPUT_LINEAGE,
          CLEANUP_OPERATIONS);
}
