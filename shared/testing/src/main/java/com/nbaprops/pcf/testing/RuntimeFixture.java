package com.nbaprops.pcf.testing;

import com.nbaprops.pcf.adapter.embedded.EmbeddedRuntime;
import com.nbaprops.pcf.adapter.embedded.LocalEventBus;
import com.nbaprops.pcf.config.Topic;
import com.nbaprops.pcf.logging.Severity;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The one runtime fixture of the functions' tests: every table in an in-memory warehouse, the local
 * bus, blobs in a directory, the clock fixed at {@link #NOW} (noon in New York on 2023-03-10),
 * every log line kept; and a small league to fill it with (who played when, what the upcoming
 * context held).
 */
public final class RuntimeFixture {
  public static final Instant NOW = Instant.parse("2023-03-10T17:00:00Z");

  private final List<String> logs = new ArrayList<>();
  private final PipelineRuntime runtime;

  public RuntimeFixture(Path blobs) {
    this(blobs, Map.of());
  }

  /** With configuration variables set, e.g. {@code FEATURE_THRESHOLDS}. */
  public RuntimeFixture(Path blobs, Map<String, String> env) {
    runtime =
        EmbeddedRuntime.inMemory(
            withDefaults(env),
            blobs,
            Clock.fixed(NOW, ZoneOffset.UTC),
            (severity, message, labels) -> logs.add(severity + " " + labels + " " + message));
  }

  /**
   * The small league's box scores have no usage rates (the feature tests count on it), so its usage
   * input is not checked unless a test says so; the real season's is (InputChecksTest).
   */
  private static Map<String, String> withDefaults(Map<String, String> env) {
    Map<String, String> all = new java.util.HashMap<>(env);
    all.putIfAbsent("INPUT_THRESHOLDS", "usage:0");
    return Map.copyOf(all);
  }

  public PipelineRuntime runtime() {
    return runtime;
  }

  /** Each log line as {@code SEVERITY {labels} message}. */
  public List<String> logs() {
    return logs;
  }

  public LocalEventBus bus() {
    return (LocalEventBus) runtime.bus();
  }

  /** {@code players} played on {@code date} (team AAA at home against BBB). */
  public RuntimeFixture played(LocalDate date, String... players) {
    append(
        Tables.PLAYER_GAME_SUMMARY,
        date,
        players,
        row ->
            row.set("season_year", 2022L)
                .set("minutes_played", 30.0)
                .set("points", 10L)
                .set("home_game", true)
                .set("win_flag", true)
                .set("is_active", true));
    return this;
  }

  /** The schedule has {@code away} at {@code home} on {@code date}, with {@code status}. */
  public RuntimeFixture scheduled(LocalDate date, String away, String home, String status) {
    runtime
        .warehouse()
        .append(
            Tables.NBA_SCHEDULE,
            List.of(
                Row.builder()
                    .set("game_id", date.toString().replace("-", "") + "_" + away + "_" + home)
                    .set("game_date", date)
                    .set("season_year", 2022L)
                    .set("home_team_abbr", home)
                    .set("away_team_abbr", away)
                    .set("game_status", status)
                    .build()));
    return this;
  }

  /**
   * {@code date}'s metadata row says {@code status} (COMPLETE: 10 of 10 players, anything else: 0
   * of 10), tracked at {@code at}.
   */
  public RuntimeFixture tracked(LocalDate date, String status, Instant at) {
    boolean complete = status.equals("COMPLETE");
    runtime
        .warehouse()
        .append(
            Tables.BACKFILL_PROCESSING_METADATA,
            List.of(
                Row.builder()
                    .set("analysis_date", date)
                    .set("expected_players", 10L)
                    .set("actual_players", complete ? 10L : 0L)
                    .set("coverage_pct", complete ? 100.0 : 0.0)
                    .set("status", status)
                    .set("verdict", complete ? "PASS" : "FAIL")
                    .set("run_id", "fixture")
                    .set("tracked_at", at)
                    .build()));
    return this;
  }

  /** The upcoming context of {@code date} holds {@code players}, rested one day. */
  public RuntimeFixture upcoming(LocalDate date, String... players) {
    append(
        Tables.UPCOMING_PLAYER_GAME_CONTEXT,
        date,
        players,
        row -> row.set("days_rest", 1L).set("back_to_back", false));
    return this;
  }

  /**
   * {@code players} have composite factors for {@code date} (neutral scores, from the upcoming
   * context).
   */
  public RuntimeFixture factorsWritten(LocalDate date, String... players) {
    append(
        Tables.PLAYER_COMPOSITE_FACTORS,
        date,
        players,
        row ->
            row.set("analysis_date", date)
                .set("fatigue_score", 100L)
                .set("shot_zone_mismatch_score", 0.0)
                .set("pace_score", 0.0)
                .set("usage_spike_score", 0.0)
                .set("referee_favorability_score", 0.0)
                .set("look_ahead_pressure_score", 0.0)
                .set("travel_impact_score", 0.0)
                .set("opponent_strength_score", 0.0)
                .set("total_composite_adjustment", 0.0)
                .set("calculation_version", "v1_4factors")
                .set("data_completeness_pct", 100.0)
                .set("has_warnings", false)
                .set("data_source", "UPCG")
                .set("run_id", "fixture")
                .set("processed_at", NOW));
    return this;
  }

  /** {@code count} players named p1, p2, ... */
  public static String[] players(int count) {
    String[] players = new String[count];
    for (int i = 0; i < count; i++) {
      players[i] = "p" + (i + 1);
    }
    return players;
  }

  /** The date's row of backfill_processing_metadata, if tracked. */
  public Optional<Row> metadata(LocalDate date) {
    return runtime
        .warehouse()
        .query(
            Sql.of(
                    "SELECT * FROM nba_orchestration.backfill_processing_metadata"
                        + " WHERE analysis_date = @d")
                .date("d", date))
        .stream()
        .findFirst();
  }

  private void append(
      TableDefinition table,
      LocalDate date,
      String[] players,
      UnaryOperator<Row.Builder> measures) {
    List<Row> rows = new ArrayList<>();
    for (String player : players) {
      rows.add(
          measures
              .apply(
                  Row.builder()
                      .set("player_lookup", player)
                      .set("game_id", date.toString().replace("-", "") + "_BBB_AAA")
                      .set("game_date", date)
                      .set("team_abbr", "AAA")
                      .set("opponent_team_abbr", "BBB"))
              .build());
    }
    runtime.warehouse().append(table, rows);
  }

  public List<Row> factors(LocalDate date) {
    return runtime
        .warehouse()
        .query(
            Sql.of(
                    "SELECT * FROM nba_precompute.player_composite_factors WHERE game_date = @d ORDER BY player_lookup")
                .date("d", date));
  }

  public List<Row> failures() {
    return runtime.warehouse().query(Sql.of("SELECT * FROM nba_orchestration.precompute_failures"));
  }

  public List<LocalEventBus.Message> published(Topic topic) {
    return bus().published(runtime.config().topic(topic));
  }

  public boolean logged(Severity severity, String text) {
    return logs.stream().anyMatch(line -> line.startsWith(severity.name()) && line.contains(text));
  }
}
