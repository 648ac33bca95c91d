package com.nbaprops.pcf.message;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.failure.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.runtime.LeagueClock;
import io.cloudevents.CloudEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * The first thing every function does with an event: unwrap the Pub/Sub message and parse it. A
 * message that can never be processed is logged and recorded as a failure, then acknowledged (the
 * function returns normally), so Pub/Sub does not redeliver it forever. Any other fault propagates,
 * and Pub/Sub retries.
 */
public final class FunctionInbox {
  private final FunctionName function;
  private final StructuredLog log;
  private final LeagueClock clock;
  private final FailureRecorder failures;

  public FunctionInbox(
      FunctionName function, StructuredLog log, LeagueClock clock, FailureRecorder failures) {
    this.function = function;
    this.log = log;
    this.clock = clock;
    this.failures = failures;
  }

  /** The parsed message, or empty when it was rejected (and recorded). */
  public <T> Optional<T> open(CloudEvent event, Function<String, T> parser) {
    PubSubEnvelope envelope;
    try {
      envelope = PubSubEnvelope.decode(event);
    } catch (InvalidMessageException e) {
      reject(event.getId(), event.getId(), e);
      return Optional.empty();
    }
    try {
      return Optional.of(parser.apply(envelope.data()));
    } catch (InvalidMessageException e) {
      reject(
          envelope.messageId(),
          envelope.attributes().getOrDefault(Attributes.RUN_ID, envelope.messageId()),
          e);
      return Optional.empty();
    }
  }

  private void reject(String messageId, String runId, InvalidMessageException e) {
    log.with("run_id", runId)
        .with("message_id", messageId)
        .error("rejected message " + messageId + " (acknowledged, not retried): " + e.getMessage());
    failures.record(
        function,
        runId,
        clock.today(),
        "MESSAGE:" + messageId,
        FailureCategory.INVALID_MESSAGE,
        "Message "
            + messageId
            + " was rejected: "
            + e.getMessage()
            + ". Fix the message and publish it again.",
        false,
        messageId);
  }
}
