package com.nbaprops.pcf.query;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.table.Catalog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The data's full range: the first and last game date of the box scores up to today ("always query
 * MAX(game_date) first"), in ranges a request may hold.
 */
public final class DataRange {
  /** The first NBA game: a filter on the partition column that keeps every date. */
  private static final LocalDate FIRST_GAME = LocalDate.of(1946, 11, 1);

  private DataRange() {}

  /** MIN..MAX game date of player_game_summary up to {@code today}, or empty when it is empty. */
  public static Optional<DateRange> of(Warehouse warehouse, Catalog catalog, LocalDate today) {
    Row row =
        warehouse
            .query(
                catalog
                    .sql(
                        "SELECT MIN(game_date) AS first_date, MAX(game_date) AS last_date FROM {player_game_summary} WHERE game_date BETWEEN @since AND @until")
                    .date("since", FIRST_GAME)
                    .date("until", today))
            .get(0);
    LocalDate first = row.date("first_date");
    return first == null
        ? Optional.empty()
        : Optional.of(new DateRange(first, row.date("last_date")));
  }

  /** {@code range} cut into consecutive ranges of at most {@code maxDays} calendar days. */
  public static List<DateRange> chunks(DateRange range, int maxDays) {
    List<DateRange> chunks = new ArrayList<>();
    LocalDate start = range.start();
    while (!start.isAfter(range.end())) {
      LocalDate end = start.plusDays(maxDays - 1L);
      if (end.isAfter(range.end())) {
        end = range.end();
      }
      chunks.add(new DateRange(start, end));
      start = end.plusDays(1);
    }
    return chunks;
  }
}
