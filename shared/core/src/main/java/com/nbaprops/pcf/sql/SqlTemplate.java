package com.nbaprops.pcf.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text with {@code {name}} placeholders for what configuration decides: table names, constants
 * of the rules, pieces of text. Values of a statement never go here: they are {@code @parameters}.
 * A placeholder left unfilled fails the rendering, naming it, instead of reaching the warehouse as
 * text.
 */
public final class SqlTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9_]*)}");

  private final String text;
  private final Map<String, String> values;

  private SqlTemplate(String text, Map<String, String> values) {
    this.text = text;
    this.values = values;
  }

  public static SqlTemplate of(String text) {
    return new SqlTemplate(text, Map.of());
  }

  /**
   * This template with {@code {name}} filled by {@code value} (which may hold placeholders too).
   */
  public SqlTemplate with(String name, String value) {
    checkName(name);
    Map<String, String> more = new LinkedHashMap<>(values);
    more.put(name, value);
    return new SqlTemplate(text, more);
  }

  /** This template with every {@code {name}} of {@code values} filled, in one step. */
  public SqlTemplate with(Map<String, String> values) {
    values.keySet().forEach(SqlTemplate::checkName);
    Map<String, String> more = new LinkedHashMap<>(this.values);
    more.putAll(values);
    return new SqlTemplate(text, more);
  }

  public SqlTemplate with(String name, int value) {
    return with(name, Integer.toString(value));
  }

  private static void checkName(String name) {
    if (!PLACEHOLDER.matcher("{" + name + "}").matches()) {
      throw new IllegalArgumentException("not a placeholder name: '" + name + "'");
    }
  }

  /**
   * The text with every placeholder filled, those a value brought in included.
   *
   * @throws IllegalStateException naming every placeholder no value fills
   */
  public String render() {
    String rendered = text;
    for (int depth = 0; depth < 10; depth++) {
      Matcher matcher = PLACEHOLDER.matcher(rendered);
      StringBuilder out = new StringBuilder();
      boolean filled = false;
      while (matcher.find()) {
        String value = values.get(matcher.group(1));
        if (value != null) {
          filled = true;
        }
        matcher.appendReplacement(
            out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
      }
      matcher.appendTail(out);
      rendered = out.toString();
      if (!filled) {
        break;
      }
    }
    Set<String> unfilled = new TreeSet<>();
    Matcher left = PLACEHOLDER.matcher(rendered);
    while (left.find()) {
      unfilled.add(left.group());
    }
    if (!unfilled.isEmpty()) {
      throw new IllegalStateException("SQL placeholders left unfilled: " + unfilled);
    }
    return rendered;
  }
}
