package com.nbaprops.pcf.adapter.embedded.duckdb;

import com.nbaprops.pcf.sql.Sql;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place where the shared SQL subset meets DuckDB's dialect: DuckDB's JDBC driver binds
 * {@code ?} by position, not GoogleSQL's {@code @name}. Each {@code @name} becomes {@code CAST(? AS
 * type)} so DuckDB types the value as BigQuery would. Quoted strings, quoted identifiers and
 * comments are left alone.
 */
record PositionalSql(String text, List<Sql.Parameter> parameters) {

  static PositionalSql from(Sql sql) {
    String source = sql.text();
    StringBuilder out = new StringBuilder(source.length() + 16);
    List<Sql.Parameter> bound = new ArrayList<>();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\'' || c == '"' || c == '`') {
        int end = closingQuote(source, i, c);
        out.append(source, i, end);
        i = end;
      } else if (c == '-' && source.startsWith("--", i)) {
        int end = source.indexOf('\n', i);
        end = end < 0 ? source.length() : end;
        out.append(source, i, end);
        i = end;
      } else if (c == '@' && i + 1 < source.length() && isNameStart(source.charAt(i + 1))) {
        int end = i + 1;
        while (end < source.length() && isNamePart(source.charAt(end))) {
          end++;
        }
        String name = source.substring(i + 1, end);
        Sql.Parameter parameter = sql.parameters().get(name);
        if (parameter == null) {
          throw new IllegalArgumentException(
              "the statement uses @" + name + " but no value was given: " + source);
        }
        out.append("CAST(? AS ").append(parameter.type().duckDbType()).append(')');
        bound.add(parameter);
        i = end;
      } else {
        out.append(c);
        i++;
      }
    }
    return new PositionalSql(out.toString(), List.copyOf(bound));
  }

  private static int closingQuote(String source, int start, char quote) {
    int i = start + 1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '\\') {
        i += 2;
        continue;
      }
      if (c == quote) {
        return i + 1;
      }
      i++;
    }
    throw new IllegalArgumentException("unclosed " + quote + " in statement: " + source);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_';
  }

  private static boolean isNamePart(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
