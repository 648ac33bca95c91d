package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Column;
import com.nbaprops.pcf.table.TableDefinition;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB, with each statement also run on GoogleSQL's reference engine over the same rows: a
 * query's rows (in order when the statement orders them, as a multiset otherwise; doubles equal to
 * 1e-9 relative), a DML statement's effect on its table. Each distinct statement (text and
 * parameter types) is compared the first {@link #CHECKS_PER_STATEMENT} times it runs.
 */
final class EngineComparison implements Warehouse {
  static final int CHECKS_PER_STATEMENT = 2;
  private static final Pattern DML_TARGET =
      Pattern.compile(
          "^\\s*(?:DELETE\\s+FROM|UPDATE|MERGE(?:\\s+INTO)?|INSERT(?:\\s+INTO)?)\\s+([\\w.]+)",
          Pattern.CASE_INSENSITIVE);

  /** A statement whose answer differs between the engines. */
  record Divergence(String statement, Map<String, Sql.Parameter> parameters, String detail) {
    @Override
    public String toString() {
      return detail + "\n    parameters: " + parameters + "\n    in: " + statement;
    }
  }

  private final Warehouse duckDb;
  private final ReferenceEngine reference;
  private final Catalog names;
  private final List<TableDefinition> tables;
  private final Map<String, Integer> checks = new LinkedHashMap<>();
  private final Set<String> compared = new LinkedHashSet<>();
  private final Map<String, String> notEvaluated = new LinkedHashMap<>();
  private final List<Divergence> divergences = new ArrayList<>();
  private final Map<TableDefinition, List<Row>> cached = new HashMap<>();

  EngineComparison(Warehouse duckDb, Catalog names, List<TableDefinition> tables) {
    this.duckDb = duckDb;
    this.reference = new ReferenceEngine(names, tables);
    this.names = names;
    this.tables = List.copyOf(tables);
  }

  /** The distinct statements compared at least once, by text and parameter types. */
  synchronized Set<String> compared() {
    return new LinkedHashSet<>(compared);
  }

  /**
   * The statements the reference engine cannot evaluate at all (its evaluator runs INSERT, UPDATE
   * and DELETE, not MERGE), by key, with its words: analyzed as GoogleSQL, never compared.
   */
  synchronized Map<String, String> notEvaluated() {
    return new LinkedHashMap<>(notEvaluated);
  }

  synchronized List<Divergence> divergences() {
    return List.copyOf(divergences);
  }

  static String key(Sql sql) {
    Map<String, String> types = new TreeMap<>();
    sql.parameters().forEach((name, p) -> types.put(name, p.type().name()));
    return sql.text() + " " + types;
  }

  private synchronized boolean due(Sql sql) {
    return checks.merge(key(sql), 1, Integer::sum) <= CHECKS_PER_STATEMENT;
  }

  @Override
  public void createTables(List<TableDefinition> definitions) {
    duckDb.createTables(definitions);
  }

  @Override
  public synchronized List<Row> query(Sql sql) {
    if (!due(sql)) {
      return duckDb.query(sql);
    }
    Map<TableDefinition, ReferenceEngine.Slice> slices = slices(sql);
    Outcome<List<Row>> duck = Outcome.of(() -> duckDb.query(sql));
    Outcome<List<Row>> google = Outcome.of(() -> reference.query(sql, slices));
    if (beyondTheReferenceEngine(sql, google)) {
      return duck.valueOrThrow();
    }
    String difference =
        duck.failed() || google.failed()
            ? refusals(duck, google)
            : orders(sql.text())
                ? differenceInOrder(duck.value(), google.value())
                : differenceAsSets(duck.value(), google.value());
    if (difference != null) {
      divergences.add(new Divergence(sql.text(), sql.parameters(), difference));
    }
    return duck.valueOrThrow();
  }

  /**
   * Whether the reference engine's limits, not GoogleSQL, kept it from answering: its channel
   * carries at most 4 MB (a chunk's read with the synthetic context's season of history can hold
   * more: the call is not counted, so a later call of the same statement is compared instead), and
   * its evaluator runs no MERGE (the statement is recorded as not evaluated). Any other outcome, an
   * error included, marks the statement compared.
   */
  private boolean beyondTheReferenceEngine(Sql sql, Outcome<?> google) {
    String refusal = google.failed() ? google.refusal() : "";
    if (System.getenv("PCF_DEBUG_ENGINES") != null) {
      System.err.println(
          "CALL "
              + sql.text().substring(0, 60).replace('\n', ' ')
              + " "
              + sql.parameters().values()
              + " -> "
              + refusal.substring(0, Math.min(120, refusal.length())));
    }
    if (refusal.contains("Received message larger than max")) {
      checks.merge(key(sql), -1, Integer::sum);
      return true;
    }
    if (refusal.contains("does not correspond to a DML statement")) {
      notEvaluated.put(key(sql), refusal);
      return true;
    }
    compared.add(key(sql));
    return false;
  }

  /**
   * What one engine's answer, or error, is: an error on one engine and not the other is a
   * divergence (BigQuery fails the job where GoogleSQL's reference engine refuses, whatever DuckDB
   * computed); an error on both is agreement.
   */
  record Outcome<T>(T value, RuntimeException error) {
    static <T> Outcome<T> of(Supplier<T> run) {
      try {
        return new Outcome<>(run.get(), null);
      } catch (RuntimeException e) {
        return new Outcome<>(null, e);
      }
    }

    boolean failed() {
      return error != null;
    }

    T valueOrThrow() {
      if (error != null) {
        throw error;
      }
      return value;
    }

    /** The error's own words, through every wrapper: the engine's message, not the client's. */
    String refusal() {
      StringBuilder text = new StringBuilder();
      for (Throwable cause = error; cause != null; cause = cause.getCause()) {
        if (cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
          text.append(text.length() == 0 ? "" : ": ").append(cause.getMessage());
        }
      }
      return text.toString();
    }
  }

  /** The divergence of a statement one engine refused and the other ran; null when both refused. */
  private static String refusals(Outcome<?> duck, Outcome<?> google) {
    if (duck.failed() && google.failed()) {
      return null;
    }
    return duck.failed()
        ? "DuckDB refused it (" + duck.refusal() + "); GoogleSQL ran it: " + answer(google.value())
        : "GoogleSQL refused it, as BigQuery would fail the job ("
            + google.refusal()
            + "); DuckDB ran it: "
            + answer(duck.value());
  }

  private static String answer(Object value) {
    if (value instanceof List<?> rows) {
      return rows.size() + " rows, first " + (rows.isEmpty() ? "-" : rows.get(0));
    }
    return String.valueOf(value);
  }

  @Override
  public synchronized long execute(Sql sql) {
    if (!due(sql)) {
      long changed = duckDb.execute(sql);
      cached.clear();
      return changed;
    }
    TableDefinition target = target(sql);
    Map<TableDefinition, ReferenceEngine.Slice> slices = slices(sql);
    List<Row> before = slices.get(target).rows();
    Outcome<ReferenceEngine.Modification> google =
        Outcome.of(() -> reference.modify(sql, target, slices));
    Outcome<Long> duck = Outcome.of(() -> duckDb.execute(sql));
    cached.clear();
    if (beyondTheReferenceEngine(sql, google)) {
      return duck.valueOrThrow();
    }
    String difference =
        duck.failed() || google.failed()
            ? refusals(duck, google)
            : differenceOfChanges(sql, target, before, google.value());
    if (difference != null) {
      divergences.add(new Divergence(sql.text(), sql.parameters(), difference));
    }
    return duck.valueOrThrow();
  }

  /**
   * What each engine put in and took out, in the columns the statement names; an update to the
   * values a row had changes nothing.
   */
  private String differenceOfChanges(
      Sql sql, TableDefinition target, List<Row> before, ReferenceEngine.Modification expected) {
    List<Row> after = slice(sql, target).rows();
    List<Row> added = minus(after, before);
    List<Row> removed = minus(before, after);
    List<Row> expectedAdded = minus(expected.written(), before);
    int expectedRemoved = expected.removed() - (expected.written().size() - expectedAdded.size());
    String difference = differenceAsSets(added, expectedAdded);
    if (difference == null && removed.size() != expectedRemoved) {
      difference = "DuckDB took " + removed.size() + " rows out; GoogleSQL " + expectedRemoved;
    }
    return difference;
  }

  @Override
  public synchronized void replacePartition(
      TableDefinition table, LocalDate partition, List<Row> rows) {
    cached.remove(table);
    duckDb.replacePartition(table, partition, rows);
  }

  @Override
  public synchronized void replacePartitions(TableDefinition table, List<Row> rows) {
    cached.remove(table);
    duckDb.replacePartitions(table, rows);
  }

  @Override
  public synchronized void replaceAll(TableDefinition table, List<Row> rows) {
    cached.remove(table);
    duckDb.replaceAll(table, rows);
  }

  @Override
  public synchronized void append(TableDefinition table, List<Row> rows) {
    cached.remove(table);
    duckDb.append(table, rows);
  }

  @Override
  public void close() {
    duckDb.close();
  }

  /** Every table the statement names, as much of it as the statement can read. */
  private Map<TableDefinition, ReferenceEngine.Slice> slices(Sql sql) {
    Map<TableDefinition, ReferenceEngine.Slice> slices = new HashMap<>();
    for (TableDefinition table : tables) {
      if (Pattern.compile("(?<![\\w.])" + Pattern.quote(names.qualifiedName(table)) + "(?!\\w)")
          .matcher(sql.text())
          .find()) {
        slices.put(table, slice(sql, table));
      }
    }
    return slices;
  }

  /**
   * The columns of {@code table} the statement names (all of them for {@code SELECT *} from it),
   * and its rows within the bounds the statement puts on partition columns (all rows where it sets
   * none): the reference engine's channel carries at most 4 MB.
   */
  private ReferenceEngine.Slice slice(Sql sql, TableDefinition table) {
    boolean everyColumn =
        Pattern.compile(
                "SELECT\\s+\\*\\s+FROM\\s+" + Pattern.quote(names.qualifiedName(table)) + "(?!\\w)",
                Pattern.CASE_INSENSITIVE)
            .matcher(sql.text())
            .find();
    List<Column> columns =
        table.columns().stream()
            .filter(
                column ->
                    everyColumn
                        || Pattern.compile("(?<![\\w])" + column.name() + "(?![\\w])")
                            .matcher(sql.text())
                            .find())
            .toList();
    String partition = table.partition().name();
    // Bounded wherever the statement bounds the partition column with parameters: a reference the
    // bounds would cut short makes the engines differ, and the check says so.
    LocalDate[] bounds = bounds(sql, partition);
    List<Row> rows = new ArrayList<>();
    for (Row row : table(table)) {
      LocalDate date = row.date(partition);
      if ((bounds[0] == null || !date.isBefore(bounds[0]))
          && (bounds[1] == null || !date.isAfter(bounds[1]))) {
        Row.Builder projected = Row.builder();
        columns.forEach(column -> projected.set(column.name(), row.get(column.name())));
        rows.add(projected.build());
      }
    }
    return new ReferenceEngine.Slice(columns, rows);
  }

  /**
   * The lowest and highest date the statement compares {@code column} with, from its DATE
   * parameters; null where it sets no bound. Every bound found widens the window: a reference the
   * window cuts short makes the engines differ, and the check says so.
   */
  private static LocalDate[] bounds(Sql sql, String column) {
    String name = "(?:\\w+\\.)?" + column;
    List<LocalDate> lower = new ArrayList<>();
    List<LocalDate> upper = new ArrayList<>();
    Matcher between =
        Pattern.compile(name + "\\s+BETWEEN\\s+@(\\w+)\\s+AND\\s+@(\\w+)", Pattern.CASE_INSENSITIVE)
            .matcher(sql.text());
    while (between.find()) {
      date(sql, between.group(1)).ifPresent(lower::add);
      date(sql, between.group(2)).ifPresent(upper::add);
    }
    Matcher compared = Pattern.compile(name + "\\s*(=|>=|>|<=|<)\\s*@(\\w+)").matcher(sql.text());
    while (compared.find()) {
      String operator = compared.group(1);
      date(sql, compared.group(2))
          .ifPresent(
              value -> {
                if (!operator.startsWith("<")) {
                  lower.add(value);
                }
                if (!operator.startsWith(">")) {
                  upper.add(value);
                }
              });
    }
    return new LocalDate[] {
      lower.stream().min(LocalDate::compareTo).orElse(null),
      upper.stream().max(LocalDate::compareTo).orElse(null)
    };
  }

  private static Optional<LocalDate> date(Sql sql, String parameter) {
    Sql.Parameter value = sql.parameters().get(parameter);
    return value != null && value.value() instanceof LocalDate date
        ? Optional.of(date)
        : Optional.empty();
  }

  private List<Row> table(TableDefinition table) {
    return cached.computeIfAbsent(
        table, t -> duckDb.query(Sql.of("SELECT * FROM " + names.qualifiedName(t))));
  }

  private TableDefinition target(Sql sql) {
    Matcher matcher = DML_TARGET.matcher(sql.text());
    if (matcher.find()) {
      for (TableDefinition table : tables) {
        if (names.qualifiedName(table).equals(matcher.group(1))) {
          return table;
        }
      }
    }
    throw new IllegalStateException("no table of the catalog is the target of: " + sql.text());
  }

  /** Whether the outermost query ends in ORDER BY (outside every parenthesis). */
  static boolean orders(String text) {
    int depth = 0;
    int lastTopLevelOrder = -1;
    String upper = text.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (depth == 0 && upper.startsWith("ORDER BY", i)) {
        lastTopLevelOrder = i;
      }
    }
    return lastTopLevelOrder >= 0;
  }

  /** A row as text, numbers to 10 significant digits: equal keys are equal rows. */
  private static String canonical(Row row) {
    Map<String, Object> values = new TreeMap<>();
    row.values()
        .forEach(
            (column, value) ->
                values.put(
                    column,
                    value instanceof Number n
                        ? String.format(Locale.ROOT, "%.9e", n.doubleValue())
                        : value));
    return values.toString();
  }

  private static List<Row> minus(List<Row> from, List<Row> taken) {
    Map<String, Integer> counts = new HashMap<>();
    taken.forEach(row -> counts.merge(canonical(row), 1, Integer::sum));
    List<Row> left = new ArrayList<>();
    for (Row row : from) {
      String key = canonical(row);
      if (counts.getOrDefault(key, 0) > 0) {
        counts.merge(key, -1, Integer::sum);
      } else {
        left.add(row);
      }
    }
    return left;
  }

  private static String differenceAsSets(List<Row> duck, List<Row> google) {
    List<Row> onlyDuck = minus(duck, google);
    List<Row> onlyGoogle = minus(google, duck);
    if (onlyDuck.isEmpty() && onlyGoogle.isEmpty()) {
      return null;
    }
    return String.format(
        "%d rows only on DuckDB, first %s; %d rows only on GoogleSQL, first %s",
        onlyDuck.size(),
        onlyDuck.isEmpty() ? "-" : onlyDuck.get(0),
        onlyGoogle.size(),
        onlyGoogle.isEmpty() ? "-" : onlyGoogle.get(0));
  }

  private static String differenceInOrder(List<Row> duck, List<Row> google) {
    for (int i = 0; i < Math.max(duck.size(), google.size()); i++) {
      String d = i < duck.size() ? canonical(duck.get(i)) : "(none)";
      String g = i < google.size() ? canonical(google.get(i)) : "(none)";
      if (!d.equals(g)) {
        return "row " + (i + 1) + " differs: DuckDB " + d + "; GoogleSQL " + g;
      }
    }
    return null;
  }
}
