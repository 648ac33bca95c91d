package com.nbaprops.pcf.port;

/**
 * The warehouse could not do what was asked. Functions let it propagate, so the message is
 * redelivered: most such faults (an unavailable service, a concurrent update) pass.
 */
public class WarehouseException extends RuntimeException {
  private final String statement;

  public WarehouseException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * @param statement the statement that failed, kept out of the message: the operator reads the
   *     cause in one line, and the statement where it is asked for (-v)
   */
  public WarehouseException(String message, String statement, Throwable cause) {
    super(message, cause);
    this.statement = statement;
  }

  /** The statement that failed, when one did. */
  public java.util.Optional<String> statement() {
    return java.util.Optional.ofNullable(statement);
  }

  /** The statement of the first warehouse failure in {@code e}'s causes. */
  public static java.util.Optional<String> statementIn(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof WarehouseException failure && failure.statement != null) {
        return java.util.Optional.of(failure.statement);
      }
    }
    return java.util.Optional.empty();
  }

  public WarehouseException(String message) {
    this(message, null, null);
  }
}
