package com.nbaprops.pcf.loopback;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads from a statement what {@link BigQueryRules} needs: the table it writes, what kind of write
 * it is, and the partitions it changes (from its date parameters: {@code @first}..{@code @last},
 * {@code @partition}, or one named after the table's partition column; with none of these, every
 * partition). A query that writes nothing is a read, which the rules never hold up (BigQuery's
 * reads see a snapshot).
 */
final class WriteShapes {
  private static final Pattern TARGET =
      Pattern.compile(
          "\\b(MERGE\\s+INTO|MERGE|INSERT\\s+INTO|INSERT|UPDATE|DELETE\\s+FROM|DELETE|TRUNCATE\\s+TABLE)"
              + "\\s+`?([A-Za-z0-9_.-]+)`?",
          Pattern.CASE_INSENSITIVE);

  private WriteShapes() {}

  /**
   * The write {@code sql} makes, or empty for a read.
   *
   * @param partitionColumn a table's partition column, by dataset and table name
   */
  static Optional<BigQueryRules.Write> of(
      String project,
      String sql,
      List<LoopbackBigQuery.Parameter> parameters,
      BiFunction<String, String, Optional<String>> partitionColumn) {
    Matcher matcher = TARGET.matcher(sql);
    if (!matcher.find()) {
      return Optional.empty();
    }
    String verb = matcher.group(1).toUpperCase(Locale.ROOT).replaceAll("\\s.*", "");
    String table = matcher.group(2);
    String name = table.substring(table.lastIndexOf('.') + 1);
    String qualifier = table.substring(0, Math.max(0, table.lastIndexOf('.')));
    String dataset = qualifier.substring(qualifier.lastIndexOf('.') + 1);
    String qualified = project + "." + dataset + "." + name;
    String upper = sql.toUpperCase(Locale.ROOT);
    BigQueryRules.Kind kind;
    if (upper.contains("BEGIN TRANSACTION")) {
      kind = BigQueryRules.Kind.TRANSACTION;
    } else if (verb.equals("INSERT")
        || (verb.equals("MERGE")
            && !upper.contains("THEN DELETE")
            && !upper.contains("THEN UPDATE"))) {
      kind = BigQueryRules.Kind.INSERT_DML;
    } else {
      kind = BigQueryRules.Kind.MUTATING_DML;
    }
    Footprint footprint =
        kind == BigQueryRules.Kind.INSERT_DML
            ? Footprint.NONE
            : footprint(parameters, partitionColumn.apply(dataset, name));
    return Optional.of(new BigQueryRules.Write(qualified, kind, footprint));
  }

  private static Footprint footprint(
      List<LoopbackBigQuery.Parameter> parameters, Optional<String> partitionColumn) {
    LocalDate first = date(parameters, "first");
    LocalDate last = date(parameters, "last");
    if (first != null && last != null && !last.isBefore(first)) {
      return Footprint.span(first, last);
    }
    LocalDate partition = date(parameters, "partition");
    if (partition == null && partitionColumn.isPresent()) {
      partition = date(parameters, partitionColumn.get());
    }
    return partition == null ? Footprint.ALL : Footprint.partition(partition);
  }

  private static LocalDate date(List<LoopbackBigQuery.Parameter> parameters, String name) {
    return parameters.stream()
        .filter(p -> p.name().equals(name) && p.type().equals("DATE") && p.value() != null)
        .map(p -> LocalDate.parse(p.value()))
        .findFirst()
        .orElse(null);
  }
}
