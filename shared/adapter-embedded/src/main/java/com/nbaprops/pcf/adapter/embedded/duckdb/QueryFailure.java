package com.nbaprops.pcf.adapter.embedded.duckdb;

import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.table.Catalog;
import com.nbaprops.pcf.table.Tables;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failed statement in one line an operator acts on: DuckDB's first line, and for a column the
 * statement names but its table lacks, which table and what to do. The statement itself is kept out
 * of the line (the exception carries it, for -v).
 */
final class QueryFailure {
  private static final Pattern MISSING_COLUMN =
      Pattern.compile("Referenced column \"(\\w+)\" not found");

  private QueryFailure() {}

  static String describe(String what, SQLException e, Sql sql, Catalog catalog) {
    String message = String.valueOf(e.getMessage()).strip();
    String first = message.lines().findFirst().orElse(message);
    Matcher missing = MISSING_COLUMN.matcher(first);
    if (missing.find()) {
      List<String> tables = tablesWith(missing.group(1), sql, catalog);
      if (!tables.isEmpty()) {
        return what
            + " failed: column "
            + missing.group(1)
            + " is missing from "
            + String.join(" or ", tables)
            + " (its schema differs from terraform/schemas): restore it, then reprocess";
      }
    }
    return what + " failed: " + first;
  }

  /** The tables the statement names that define {@code column} in the suite's schemas. */
  private static List<String> tablesWith(String column, Sql sql, Catalog catalog) {
    return Tables.ALL.stream()
        .filter(table -> table.column(column).isPresent())
        .map(catalog::qualifiedName)
        .filter(
            name ->
                Pattern.compile("(?<![\\w.])" + Pattern.quote(name) + "(?!\\w)")
                    .matcher(sql.text())
                    .find())
        .toList();
  }
}
