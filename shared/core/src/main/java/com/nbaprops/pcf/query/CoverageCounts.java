package com.nbaprops.pcf.query;

import com.nbaprops.pcf.domain.DataSource;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Sql;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;

/**
 * The player counts behind every coverage decision: who played (what a complete date must cover)
 * and who has composite factors. Every statement filters on the partition date.
 */
public final class CoverageCounts {
  private final Warehouse warehouse;
  private final Catalog catalog;

  /**
   * What player_composite_factors holds for a date; {@code dataSource} is null when it holds
   * nothing.
   */
  public record Written(int players, DataSource dataSource) {}

  public CoverageCounts(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.catalog = catalog;
  }

  /** Who played on a date and who has composite factors for it, read at one moment. */
  public record Snapshot(int expected, Written written) {}

  /** The players who played and the players written, in one query (one BigQuery job). */
  public Snapshot snapshot(LocalDate date) {
    Row row =
        warehouse
            .query(
                Sql.of(
                        "SELECT (SELECT COUNT(DISTINCT player_lookup) FROM "
                            + catalog.qualifiedName(Tables.PLAYER_GAME_SUMMARY)
                            + " WHERE game_date = @game_date) AS expected,"
                            + " (SELECT COUNT(DISTINCT player_lookup) FROM "
                            + catalog.qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS)
                            + " WHERE game_date = @game_date) AS players,"
                            + " (SELECT MIN(data_source) FROM "
                            + catalog.qualifiedName(Tables.PLAYER_COMPOSITE_FACTORS)
                            + " WHERE game_date = @game_date) AS data_source")
                    .date("game_date", date))
            .get(0);
    String source = row.string("data_source");
    return new Snapshot(
        row.int32("expected"),
        new Written(row.int32("players"), source == null ? null : DataSource.valueOf(source)));
  }

  /** Distinct players who played on the date: what a complete date must cover. */
  public int expectedPlayers(LocalDate date) {
    return count(Tables.PLAYER_GAME_SUMMARY, date);
  }

  private int count(TableDefinition table, LocalDate date) {
    Sql sql =
        Sql.of(
                "SELECT COUNT(DISTINCT player_lookup) AS players FROM "
                    + catalog.qualifiedName(table)
                    + " WHERE game_date = @game_date")
            .date("game_date", date);
    return warehouse.query(sql).get(0).int32("players");
  }
}
