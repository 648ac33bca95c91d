package com.nbaprops.pcf.port;

/**
 * The warehouse could not do what was asked. Functions let it propagate, so the message is
 * redelivered: most such faults (an unavailable service, a concurrent update) pass.
 */
public class WarehouseException extends RuntimeException {
  public WarehouseException(String message, Throwable cause) {
    super(message, cause);
  }

  public WarehouseException(String message) {
    super(message);
  }
}
