package com.nbaprops.pcf.query;

import com.nbaprops.pcf.domain.DateRange;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.ColumnType;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import com.nbaprops.pcf.table.Tables;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Fingerprints of the composite factors' inputs, per table and partition: the distinct rows of the
 * columns the computation reads (duplicates and {@code processed_at} change nothing), and a
 * checksum of their values. One query for every input and partition of a span.
 *
 * <p>The checksum is integer arithmetic in the subset of SQL BigQuery and DuckDB compute alike
 * (ASCII, SUBSTR, ROUND, MOD, CAST AS INT64, SUM of INT64; every small integer cast to INT64 first,
 * as DuckDB multiplies 32-bit integers in 32 bits): a string is a polynomial of its first {@value
 * #STRING_CHARS} characters' code points (fewer for strings of a known width), a number is rounded
 * to a millionth, each column has its own weight, and a row's hash mixes its strings (who) with all
 * its values (what), so two players swapping a value changes it. Everything is reduced modulo
 * {@value #MODULUS}, so no sum overflows INT64; two different contents collide with a probability
 * of about one in two billion.
 */
public final class InputPrints {
  static final long MODULUS = 2_147_483_647L;
  static final int STRING_CHARS = 24;

  /**
   * Strings of a known, shorter width hashed to that width only: each character costs a term to
   * plan and run (team abbreviations have 3, game ids 16, zone names at most 9).
   */
  private static final Map<String, Integer> STRING_WIDTHS =
      Map.of(
          "team_abbr", 3,
          "opponent_team_abbr", 3,
          "game_id", 16,
          "primary_scoring_zone", 12,
          "weakest_zone", 12);

  private static final long BASE = 131L;

  /** An input table and the columns of it the composite factors read. */
  public record Input(TableDefinition table, List<String> columns) {
    public Input {
      columns = List.copyOf(columns);
      for (String column : columns) {
        if (table.column(column).isEmpty()) {
          throw new IllegalArgumentException(table.name() + " has no column " + column);
        }
      }
    }

    public String name() {
      return table.name();
    }
  }

  /** Who played in which game: the columns both player tables give every row. */
  private static final List<String> PLAYER_GAME =
      List.of("player_lookup", "universal_player_id", "game_id", "team_abbr", "opponent_team_abbr");

  private static List<String> with(List<String> first, String... more) {
    List<String> columns = new ArrayList<>(first);
    columns.addAll(List.of(more));
    return columns;
  }

  /**
   * What the composite factors read (PlayerSources): the columns of each input their query names.
   * upcoming_team_game_context is not among them: the factors never read it (the coverage checks
   * do, at every sweep).
   */
  public static final List<Input> INPUTS =
      List.of(
          new Input(
              Tables.UPCOMING_PLAYER_GAME_CONTEXT,
              with(
                  PLAYER_GAME,
                  "days_rest",
                  "back_to_back",
                  "games_in_last_7_days",
                  "minutes_in_last_7_days",
                  "avg_minutes_per_game_last_7",
                  "back_to_backs_last_14_days",
                  "player_age",
                  "projected_usage_rate",
                  "avg_usage_rate_last_7_games",
                  "star_teammates_out",
                  "pace_differential",
                  "opponent_pace_last_10")),
          new Input(Tables.PLAYER_GAME_SUMMARY, with(PLAYER_GAME, "minutes_played", "usage_rate")),
          new Input(Tables.TEAM_OFFENSE_GAME_SUMMARY, List.of("team_abbr", "pace")),
          new Input(
              Tables.PLAYER_SHOT_ZONE_ANALYSIS,
              List.of(
                  "player_lookup",
                  "primary_scoring_zone",
                  "paint_rate_last_10",
                  "mid_range_rate_last_10",
                  "three_pt_rate_last_10")),
          new Input(
              Tables.TEAM_DEFENSE_ZONE_ANALYSIS,
              List.of(
                  "team_abbr",
                  "paint_defense_vs_league_avg",
                  "mid_range_defense_vs_league_avg",
                  "three_pt_defense_vs_league_avg",
                  "weakest_zone")));

  /** One partition of one input: its distinct rows, all its rows, and their checksum. */
  public record Print(long rows, long rawRows, long checksum) {
    public static final Print EMPTY = new Print(0, 0, 0);

    Print plus(Print other) {
      return new Print(
          rows + other.rows,
          rawRows + other.rawRows,
          Math.floorMod(checksum + other.checksum, MODULUS));
    }

    /** Every row is there more than once as often as not: an upstream wrote it twice. */
    public boolean duplicated() {
      return rawRows > rows;
    }
  }

  /** Each input's prints, by partition, over a span of dates. */
  public record Prints(Map<String, NavigableMap<LocalDate, Print>> byTable) {
    /** No input read. */
    public static final Prints NONE = new Prints(Map.of());

    /** The sum of {@code table}'s partitions from {@code first} to {@code last}, both included. */
    public Print window(String table, LocalDate first, LocalDate last) {
      Print sum = Print.EMPTY;
      for (Print print :
          byTable.getOrDefault(table, new TreeMap<>()).subMap(first, true, last, true).values()) {
        sum = sum.plus(print);
      }
      return sum;
    }

    /** These prints and {@code other}'s: the prints of inputs read in two steps. */
    public Prints plus(Prints other) {
      Map<String, NavigableMap<LocalDate, Print>> both = new LinkedHashMap<>();
      byTable.forEach((table, prints) -> both.put(table, new TreeMap<>(prints)));
      other.byTable.forEach(
          (table, prints) -> both.computeIfAbsent(table, t -> new TreeMap<>()).putAll(prints));
      return new Prints(both);
    }

    /** {@code table}'s partitions from {@code first} to {@code last} written twice. */
    public List<LocalDate> duplicated(String table, LocalDate first, LocalDate last) {
      return byTable
          .getOrDefault(table, new TreeMap<>())
          .subMap(first, true, last, true)
          .entrySet()
          .stream()
          .filter(entry -> entry.getValue().duplicated())
          .map(Map.Entry::getKey)
          .toList();
    }
  }

  private final Warehouse warehouse;

  /** Each input's part of the statement: a read names only the inputs it prints. */
  private final List<String> selects;

  public InputPrints(Warehouse warehouse, Catalog catalog) {
    this.warehouse = warehouse;
    this.selects = selects(catalog);
  }

  /** The prints of every input's partitions from {@code first} to {@code last}: one query. */
  public Prints read(LocalDate first, LocalDate last) {
    Map<String, DateRange> spans = new LinkedHashMap<>();
    INPUTS.forEach(input -> spans.put(input.name(), new DateRange(first, last)));
    return read(spans);
  }

  /**
   * The prints of each input over its own span (an input absent is not read): one query, each
   * input's partitions pruned to its span.
   */
  public Prints read(Map<String, DateRange> spans) {
    // Only the inputs asked for: planning the checksum expressions is most of a read's cost.
    List<String> parts = new ArrayList<>();
    Map<String, DateRange> asked = new LinkedHashMap<>();
    for (int i = 0; i < INPUTS.size(); i++) {
      DateRange span = spans.get(INPUTS.get(i).name());
      if (span != null) {
        parts.add(selects.get(i));
        asked.put(String.valueOf(i), span);
      }
    }
    if (parts.isEmpty()) {
      return new Prints(Map.of());
    }
    Sql query = Sql.of(String.join("\nUNION ALL\n", parts));
    for (Map.Entry<String, DateRange> span : asked.entrySet()) {
      query =
          query
              .date("first_" + span.getKey(), span.getValue().start())
              .date("last_" + span.getKey(), span.getValue().end());
    }
    Map<String, NavigableMap<LocalDate, Print>> byTable = new LinkedHashMap<>();
    for (Row row : warehouse.query(query)) {
      byTable
          .computeIfAbsent(row.string("input_table"), table -> new TreeMap<>())
          .put(
              row.date("partition_date"),
              new Print(row.int64("distinct_rows"), row.int64("raw_rows"), row.int64("checksum")));
    }
    return new Prints(byTable);
  }

  private static List<String> selects(Catalog catalog) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < INPUTS.size(); i++) {
      parts.add(select(catalog, INPUTS.get(i), i));
    }
    return parts;
  }

  /**
   * One input's prints, in layers so that no expression nests deep (GoogleSQL's analyzer, like
   * BigQuery's, refuses a resolved expression nested too deep): its distinct rows, each column's
   * value as an integer, each row's hash, their sum per partition.
   */
  private static String select(Catalog catalog, Input input, int position) {
    String partition = input.table().partition().name();
    String columns = String.join(", ", input.columns());
    List<String> values = new ArrayList<>();
    List<String> who = new ArrayList<>();
    List<String> what = new ArrayList<>();
    int index = 0;
    for (String name : input.columns()) {
      Column column = input.table().column(name).orElseThrow();
      index++;
      values.add(value(column) + " AS v" + index);
      what.add("MOD(v" + index + " * " + weight(index) + ", " + MODULUS + ")");
      if (column.type() == ColumnType.STRING) {
        who.add("v" + index);
      }
    }
    return String.format(
        """
        SELECT '%1$s' AS input_table, %2$s AS partition_date, SUM(copies) AS raw_rows,
               COUNT(*) AS distinct_rows, SUM(MOD((who + 1) * (what + 1), %3$d)) AS checksum
        FROM (SELECT %2$s, copies, MOD(%4$s, %3$d) AS who, MOD(%5$s, %3$d) AS what
              FROM (SELECT %2$s, copies, %6$s
                    FROM (SELECT %2$s, %7$s, COUNT(*) AS copies
                          FROM %8$s
                          WHERE %2$s BETWEEN @first_%9$d AND @last_%9$d
                          GROUP BY %2$s, %7$s) AS distinct_rows) AS row_values) AS row_hashes
        GROUP BY %2$s""",
        input.name(),
        partition,
        MODULUS,
        who.isEmpty() ? "0" : sum(who),
        sum(what),
        String.join(", ", values),
        columns,
        catalog.qualifiedName(input.table()),
        position);
  }

  /** A column's value as a non-negative integer below the modulus; NULL has a value of its own. */
  private static String value(Column column) {
    String name = column.name();
    return switch (column.type()) {
      case STRING -> "COALESCE(" + stringHash(name) + ", 7)";
      case BOOL ->
          "CAST(CASE WHEN " + name + " THEN 2 WHEN NOT " + name + " THEN 1 ELSE 3 END AS INT64)";
      case INT64, FLOAT64 ->
          "COALESCE(MOD(MOD(CAST(ROUND("
              + name
              + " * 1000000) AS INT64), "
              + MODULUS
              + ") + "
              + MODULUS
              + ", "
              + MODULUS
              + "), 11)";
      default ->
          throw new IllegalArgumentException(
              "a " + column.type() + " column is not fingerprinted: " + name);
    };
  }

  /** A polynomial of the first characters' code points (ASCII of an empty string is 0). */
  private static String stringHash(String name) {
    List<String> terms = new ArrayList<>();
    long power = 1;
    for (int k = 1; k <= STRING_WIDTHS.getOrDefault(name, STRING_CHARS); k++) {
      power = Math.floorMod(power * BASE, MODULUS);
      terms.add("CAST(ASCII(SUBSTR(" + name + ", " + k + ", 1)) AS INT64) * " + power);
    }
    return "MOD(" + sum(terms) + ", " + MODULUS + ")";
  }

  /**
   * {@code terms} added as a balanced tree: a flat a + b + c + ... nests as deep as it is long, and
   * GoogleSQL's analyzer (as BigQuery's) refuses expressions nested too deep.
   */
  static String sum(List<String> terms) {
    if (terms.size() == 1) {
      return terms.get(0);
    }
    int half = terms.size() / 2;
    return "(" + sum(terms.subList(0, half)) + " + " + sum(terms.subList(half, terms.size())) + ")";
  }

  private static long weight(int column) {
    long w = 1;
    for (int i = 0; i < column; i++) {
      w = Math.floorMod(w * 1_000_003L, MODULUS);
    }
    return w;
  }
}
