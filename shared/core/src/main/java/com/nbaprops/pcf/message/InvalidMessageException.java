package com.nbaprops.pcf.message;

/**
 * The message can never be processed as sent (not JSON, a missing field, an impossible date, an
 * unknown key). Functions acknowledge it after recording why, because redelivering it would fail
 * the same way forever.
 */
public class InvalidMessageException extends RuntimeException {
  public InvalidMessageException(String message) {
    super(message);
  }

  public InvalidMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
