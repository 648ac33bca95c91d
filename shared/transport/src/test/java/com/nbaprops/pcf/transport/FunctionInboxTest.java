package com.nbaprops.pcf.transport;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.config.FunctionName;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.failure.FailureRecorder;
import com.nbaprops.pcf.logging.StructuredLog;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.port.Warehouse;
import com.nbaprops.pcf.runtime.LeagueClock;
import com.nbaprops.pcf.sql.Sql;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Reading an event: bad input is recorded and acknowledged; a fault in the work is not input. */
class FunctionInboxTest {
  private final List<Sql> statements = new ArrayList<>();
  private final List<String> logged = new ArrayList<>();
  private final FunctionInbox inbox =
      new FunctionInbox(
          FunctionName.COMPOSITE_FACTORS,
          StructuredLog.to((severity, message, labels) -> logged.add(severity + " " + message)),
          new LeagueClock(
              Clock.fixed(Instant.parse("2023-03-10T17:00:00Z"), ZoneOffset.UTC),
              ZoneId.of("America/New_York")),
          new FailureRecorder(
              recordingWarehouse(),
              PipelineConfig.fromEnvironment(Map.of(), ".").catalog(),
              Clock.fixed(Instant.parse("2023-03-10T17:00:00Z"), ZoneOffset.UTC)));

  private Warehouse recordingWarehouse() {
    return (Warehouse)
        Proxy.newProxyInstance(
            Warehouse.class.getClassLoader(),
            new Class<?>[] {Warehouse.class},
            (proxy, method, args) -> {
              if (method.getName().equals("execute")) {
                statements.add((Sql) args[0]);
                return 1L;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  private static CloudEvent event(String messageId, String data) {
    String body =
        "{\"message\":{\"data\":\""
            + Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8))
            + "\",\"messageId\":\""
            + messageId
            + "\",\"attributes\":{}},\"subscription\":\"projects/p/subscriptions/s\"}";
    return CloudEventBuilder.v1()
        .withId(messageId)
        .withSource(URI.create("//pubsub.googleapis.com/projects/p/topics/t"))
        .withType(PubSubEnvelope.EVENT_TYPE)
        .withDataContentType("application/json")
        .withData(body.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  private static String parsed(String data, Supplier<String> runIds) {
    return JsonFields.parse(data).allowOnly(Set.of("analysis_date")).requireString("analysis_date")
        + " "
        + runIds.get();
  }

  @Test
  void aGoodMessageIsParsedAsTheRunOfItsId() {
    Optional<String> opened =
        inbox.open(event("42", "{\"analysis_date\":\"2023-02-23\"}"), FunctionInboxTest::parsed);

    assertThat(opened).hasValue("2023-02-23 run-42");
    assertThat(statements).isEmpty();
  }

  @Test
  void aBadMessageIsRecordedOnceAsRejectedAndAcknowledged() {
    Optional<String> opened =
        inbox.open(event("43", "{\"isBackfill\":true}"), FunctionInboxTest::parsed);

    assertThat(opened).isEmpty();
    assertThat(statements).hasSize(1);
    Sql recorded = statements.get(0);
    assertThat(recorded.parameters().get("failure_category").value()).isEqualTo("INVALID_MESSAGE");
    assertThat(recorded.parameters().get("run_id").value()).isEqualTo("run-43");
    assertThat((String) recorded.parameters().get("failure_reason").value())
        .contains("unknown field 'isBackfill'");
    assertThat(logged.get(0)).startsWith("ERROR rejected message 43");
  }

  @Test
  void whateverGoesWrongWhileReadingIsTheInputsProblemAndSaysWhat() {
    Optional<String> opened =
        inbox.open(
            event("44", "{\"analysis_date\":\"2023-02-23\"}"),
            (data, runIds) -> {
              throw new IllegalStateException("a field nobody expected");
            });

    assertThat(opened).isEmpty();
    assertThat((String) statements.get(0).parameters().get("failure_reason").value())
        .contains("it could not be read (IllegalStateException: a field nobody expected)");
  }

  @Test
  void aRejectionThatCannotBeRecordedIsRetriedNotLost() {
    FunctionInbox unrecorded =
        new FunctionInbox(
            FunctionName.COMPOSITE_FACTORS,
            StructuredLog.to((severity, message, labels) -> {}),
            new LeagueClock(Clock.systemUTC(), ZoneId.of("America/New_York")),
            new FailureRecorder(
                (Warehouse)
                    Proxy.newProxyInstance(
                        Warehouse.class.getClassLoader(),
                        new Class<?>[] {Warehouse.class},
                        (proxy, method, args) -> {
                          throw new IllegalStateException("the warehouse is unavailable");
                        }),
                PipelineConfig.fromEnvironment(Map.of(), ".").catalog(),
                Clock.systemUTC()));

    assertThrows(
        IllegalStateException.class,
        () -> unrecorded.open(event("45", "not json"), FunctionInboxTest::parsed));
  }
}
