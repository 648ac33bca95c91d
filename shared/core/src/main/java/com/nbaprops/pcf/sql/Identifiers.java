package com.nbaprops.pcf.sql;

import java.util.regex.Pattern;

/**
 * Identifiers are the only text that is ever spliced into SQL, so each one is checked against the
 * subset that BigQuery and DuckDB both accept without quoting.
 */
public final class Identifiers {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  private Identifiers() {}

  public static String check(String identifier) {
    if (identifier == null || !IDENTIFIER.matcher(identifier).matches()) {
      throw new IllegalArgumentException(
          "not a valid identifier: '"
              + identifier
              + "' (letters, digits and underscores, not starting with a digit)");
    }
    return identifier;
  }
}
