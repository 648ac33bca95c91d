package com.nbaprops.pcf.local.operations;

import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.RequestParser;
import java.util.Optional;

/**
 * A request the CLI is about to publish, read as composite-factors will read it: refused here, in
 * the user's terms, rather than published and rejected by the function.
 */
final class RequestCheck {
  private RequestCheck() {}

  /** Why composite-factors would reject {@code json}, or empty when it would accept it. */
  static Optional<String> refusal(LocalRuntime local, String json, String runId) {
    try {
      new RequestParser(
              local.runtime().leagueClock().today(),
              local.runtime().config().maxRangeDays(),
              () -> runId)
          .parse(json);
      return Optional.empty();
    } catch (InvalidMessageException e) {
      return Optional.of(e.getMessage());
    }
  }
}
