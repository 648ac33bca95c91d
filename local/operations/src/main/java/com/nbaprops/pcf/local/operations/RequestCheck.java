package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.message.InvalidMessageException;
import java.util.Optional;

/**
 * A request the CLI is about to publish, read as composite-factors will read it: refused here, in
 * the user's terms, rather than published and rejected by the function.
 */
final class RequestCheck {
  private RequestCheck() {}

  /**
   * Why composite-factors would reject {@code check}'s request, or empty when it would accept it.
   */
  static Optional<String> refusal(Runnable check) {
    try {
      check.run();
      return Optional.empty();
    } catch (InvalidMessageException e) {
      return Optional.of(e.getMessage());
    }
  }
}
