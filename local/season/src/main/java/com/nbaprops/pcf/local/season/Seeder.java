package com.nbaprops.pcf.local.season;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Loads a season's sample data into a warehouse, replacing what the input tables held. */
public final class Seeder {
  /**
   * The real incident: the upcoming context held 1 of 187 and 68 of 175 players, left over from an
   * earlier run.
   */
  static final Map<LocalDate, Integer> INCIDENT_STALE_PLAYERS =
      Map.of(LocalDate.of(2023, 2, 23), 1, LocalDate.of(2023, 2, 24), 68);

  private final Warehouse warehouse;
  private final Catalog catalog;

  public Seeder(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.catalog = catalog;
  }

  /** Seeds the season and returns the rows written per table. */
  public Map<TableDefinition, Integer> seed(String seasonName) {
    Map<TableDefinition, List<Row>> tables = inputTables(seasonName);
    warehouse.createTables(Tables.ALL);
    Map<TableDefinition, Integer> written = new LinkedHashMap<>();
    tables.forEach(
        (table, rows) -> {
          warehouse.replaceAll(table, rows);
          written.put(table, rows.size());
        });
    return written;
  }

  /**
   * Every input table of the season as its upstream processor writes it, each day's rows as they
   * stood that morning: what {@link #seed} loads at once, and what a rehearsal releases day by day.
   */
  public static Map<TableDefinition, List<Row>> inputTables(String seasonName) {
    SeasonTables season = new SeasonTables(Season.load(seasonName));
    Map<TableDefinition, List<Row>> tables = new LinkedHashMap<>();
    tables.put(Tables.NBA_SCHEDULE, season.schedule());
    tables.put(Tables.PLAYER_GAME_SUMMARY, season.playerGameSummary());
    tables.put(Tables.TEAM_OFFENSE_GAME_SUMMARY, season.teamOffenseGameSummary());
    tables.put(Tables.UPCOMING_PLAYER_GAME_CONTEXT, season.upcomingPlayerGameContext());
    tables.put(Tables.UPCOMING_TEAM_GAME_CONTEXT, season.upcomingTeamGameContext());
    tables.put(Tables.TEAM_DEFENSE_ZONE_ANALYSIS, season.teamDefenseZoneAnalysis());
    tables.put(Tables.PLAYER_SHOT_ZONE_ANALYSIS, season.playerShotZoneAnalysis());
    return tables;
  }

  /**
   * Leaves only the first {@code n} players (by player_lookup) of each incident date in the
   * upcoming context, as the stale partial rows of the incident did. Returns the players kept per
   * date.
   */
  public Map<LocalDate, Integer> plantIncident() {
    Map<LocalDate, Integer> kept = new LinkedHashMap<>();
    INCIDENT_STALE_PLAYERS.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(
            entry -> {
              List<Row> rows =
                  warehouse.query(
                      catalog
                          .sql(
                              "SELECT * FROM {upcoming_player_game_context} WHERE game_date = @game_date ORDER BY player_lookup")
                          .date("game_date", entry.getKey()));
              List<Row> stale = rows.subList(0, Math.min(entry.getValue(), rows.size()));
              warehouse.replacePartition(
                  Tables.UPCOMING_PLAYER_GAME_CONTEXT, entry.getKey(), stale);
              kept.put(entry.getKey(), stale.size());
            });
    return kept;
  }
}
