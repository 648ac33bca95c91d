package com.nbaprops.pcf.port;

/**
 * The warehouse is held by another process (the embedded one is a single file that one process
 * writes at a time): nothing is wrong with the data, the command can run once the other is done.
 */
public final class WarehouseBusyException extends WarehouseException {
  public WarehouseBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
