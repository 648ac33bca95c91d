package com.nbaprops.pcf.local.rehearsal;

import com.nbaprops.pcf.local.season.Seeder;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The upstream processors' output of a real season, partition by partition: what each feed writes
 * for a game date when it runs, so the rehearsal can release it at its hour, late, damaged, or not
 * at all.
 */
final class World {
  private final List<Row> schedule;
  private final Map<Feed, Map<LocalDate, List<Row>>> partitions;

  private World(List<Row> schedule, Map<Feed, Map<LocalDate, List<Row>>> partitions) {
    this.schedule = schedule;
    this.partitions = partitions;
  }

  static World of(String seasonName) {
    Map<TableDefinition, List<Row>> tables = Seeder.inputTables(seasonName);
    Map<Feed, Map<LocalDate, List<Row>>> partitions = new EnumMap<>(Feed.class);
    for (Feed feed : Feed.values()) {
      partitions.put(
          feed,
          tables.get(feed.table()).stream()
              .collect(
                  Collectors.groupingBy(
                      row -> row.date(feed.dateColumn()), TreeMap::new, Collectors.toList())));
    }
    return new World(tables.get(Tables.NBA_SCHEDULE), partitions);
  }

  /** The season's schedule, published before opening night. */
  List<Row> schedule() {
    return schedule;
  }

  /** Every date with a scheduled game. */
  NavigableSet<LocalDate> gameDates() {
    return schedule.stream()
        .map(row -> row.date("game_date"))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** The game ids of {@code date}, in order. */
  List<String> games(LocalDate date) {
    return schedule.stream()
        .filter(row -> row.date("game_date").equals(date))
        .map(row -> row.string("game_id"))
        .sorted()
        .toList();
  }

  /** What {@code feed}'s processor writes for {@code date} when all is well (maybe nothing). */
  List<Row> partition(Feed feed, LocalDate date) {
    return partitions.get(feed).getOrDefault(date, List.of());
  }

  /**
   * This season with {@code feed}'s partition of {@code date} replaced by {@code rows}: what the
   * inputs are at the end once an upstream restated it.
   */
  World with(Feed feed, LocalDate date, List<Row> rows) {
    Map<Feed, Map<LocalDate, List<Row>>> changed = new EnumMap<>(partitions);
    Map<LocalDate, List<Row>> partition = new TreeMap<>(partitions.get(feed));
    partition.put(date, List.copyOf(rows));
    changed.put(feed, partition);
    return new World(schedule, changed);
  }

  /** Every partition of {@code feed}: the season as it stands at its end. */
  List<Row> all(Feed feed) {
    return partitions.get(feed).values().stream().flatMap(List::stream).toList();
  }
}
