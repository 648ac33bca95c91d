package com.nbaprops.pcf.transport;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.domain.FailureCategory;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.Attributes;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.runtime.LeagueClock;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The first thing every function does with an event: unwrap the Pub/Sub message and parse it.
 *
 * <p>One classification: whatever goes wrong while reading the event is a problem of the input,
 * permanent, so it is logged, recorded as a failure and acknowledged (the function returns
 * normally) and Pub/Sub does not redeliver it forever. Whatever goes wrong after that, while doing
 * the work, is an infrastructure fault: it propagates, and Pub/Sub retries.
 */
public final class FunctionInbox {
  private final FunctionName function;
  private final StructuredLog log;
  private final LeagueClock clock;
  private final FailureRecorder failures;

  /** Reads a message's data; {@code runIds} gives the run id of a message that names none. */
  @FunctionalInterface
  public interface Parser<T> {
    T parse(String data, Supplier<String> runIds);
  }

  public FunctionInbox(
      FunctionName function, StructuredLog log, LeagueClock clock, FailureRecorder failures) {
    this.function = function;
    this.log = log;
    this.clock = clock;
    this.failures = failures;
  }

  /** The parsed message, or empty when it was rejected (and recorded). */
  public <T> Optional<T> open(CloudEvent event, Parser<T> parser) {
    PubSubEnvelope envelope;
    try {
      envelope = PubSubEnvelope.decode(event);
    } catch (RuntimeException e) {
      rejectEvent(event, e);
      return Optional.empty();
    }
    String ownRunId = Attributes.runIdOf(envelope.messageId());
    try {
      return Optional.of(parser.parse(envelope.data(), () -> ownRunId));
    } catch (RuntimeException e) {
      String named = envelope.attributes().get(Attributes.RUN_ID);
      reject(
          envelope.messageId(),
          JsonFields.isRunId(named) ? named : ownRunId,
          envelope.data().getBytes(StandardCharsets.UTF_8),
          e);
      return Optional.empty();
    }
  }

  /**
   * The table a BigQuery audit log entry says was written; empty when it writes none, or when the
   * event is no such entry (rejected and recorded as a message would be: redelivering it cannot
   * help).
   */
  public Optional<TableWritten> openTableWritten(CloudEvent event) {
    try {
      return TableWritten.decode(event);
    } catch (RuntimeException e) {
      rejectEvent(event, e);
      return Optional.empty();
    }
  }

  /** An event that could not be opened at all, rejected under its own id. */
  private void rejectEvent(CloudEvent event, RuntimeException e) {
    byte[] data = event.getData() == null ? new byte[0] : event.getData().toBytes();
    reject(String.valueOf(event.getId()), Attributes.runIdOf(event.getId()), data, e);
  }

  private void reject(String messageId, String runId, byte[] data, RuntimeException e) {
    String reason =
        e instanceof InvalidMessageException
            ? e.getMessage()
            : "it could not be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    log.with("run_id", runId)
        .with("message_id", messageId)
        .error("rejected message " + messageId + " (acknowledged, not retried): " + reason);
    failures.record(
        function,
        runId,
        clock.today(),
        "MESSAGE:" + messageId,
        FailureCategory.INVALID_MESSAGE,
        "Message "
            + messageId
            + " was rejected: "
            + reason
            + ". Fix the message and publish it again.",
        false,
        // Two different messages under one id (a hand-made HTTP push, a replay) are two failures.
        messageId + ":" + sha256(data).substring(0, 16));
  }

  private static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
