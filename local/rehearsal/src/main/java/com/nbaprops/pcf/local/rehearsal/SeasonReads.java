package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** What the rehearsal reads of a run's warehouse: a date's status and its composite factors. */
final class SeasonReads {
  /** Who wrote a row and when: differs between any two runs. */
  private static final Set<String> RUN_COLUMNS = Set.of("run_id", "processed_at");

  private final Warehouse warehouse;
  private final Catalog catalog;
  private final String factorsColumns;

  SeasonReads(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.catalog = catalog;
    this.factorsColumns =
        Tables.PLAYER_COMPOSITE_FACTORS.columns().stream()
            .map(Column::name)
            .filter(name -> !RUN_COLUMNS.contains(name))
            .collect(Collectors.joining(", "));
  }

  /** The date's tracked status, or NOT_PROCESSED. */
  String status(LocalDate date) {
    List<Row> rows =
        warehouse.query(
            catalog
                .sql("SELECT status FROM {backfill_processing_metadata} WHERE analysis_date = @d")
                .date("d", date));
    return rows.isEmpty() ? "NOT_PROCESSED" : rows.get(0).string("status");
  }

  /** The date's composite factors, without who wrote them and when, in a stable order. */
  List<Row> factorRows(LocalDate date) {
    return warehouse.query(
        Sql.of(
                catalog
                    .template(
                        "SELECT {columns} FROM {player_composite_factors}"
                            + " WHERE game_date = @d ORDER BY player_lookup, game_id")
                    .with("columns", factorsColumns)
                    .render())
            .date("d", date));
  }

  /** The composite factors of each of {@code dates}, as {@link #factorRows} reads them. */
  Map<LocalDate, List<Row>> factorRows(Collection<LocalDate> dates) {
    Map<LocalDate, List<Row>> rows = new TreeMap<>();
    dates.forEach(date -> rows.put(date, factorRows(date)));
    return rows;
  }
}
