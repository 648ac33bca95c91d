package com.nbaprops.pcf.message;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PubSubEnvelopeTest {
  private static CloudEvent event(String data) {
    return CloudEventBuilder.v1()
        .withId("8536113935744442")
        .withSource(
            URI.create(
                "//pubsub.googleapis.com/projects/nba-props/topics/composite-factors-requests"))
        .withType(PubSubEnvelope.EVENT_TYPE)
        .withDataContentType("application/json")
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** The body Eventarc sends: base64 data, attributes, and the message id in both spellings. */
  @Test
  void decodesTheMessageEventarcDelivers() {
    String payload = "{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}";
    String body =
        "{\"message\":{\"attributes\":{\"run_id\":\"run-7\"},"
            + "\"data\":\""
            + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8))
            + "\","
            + "\"messageId\":\"8536113935744442\",\"message_id\":\"8536113935744442\","
            + "\"publishTime\":\"2023-02-24T09:00:00.123Z\",\"publish_time\":\"2023-02-24T09:00:00.123Z\"},"
            + "\"subscription\":\"projects/nba-props/subscriptions/eventarc-composite-factors\"}";

    PubSubEnvelope envelope = PubSubEnvelope.decode(event(body));

    assertThat(envelope.data()).isEqualTo(payload);
    assertThat(envelope.attributes()).containsExactly("run_id", "run-7");
    assertThat(envelope.messageId()).isEqualTo("8536113935744442");
    assertThat(envelope.subscription()).endsWith("eventarc-composite-factors");
  }

  @Test
  void rejectsAnEventWithoutAMessage() {
    assertThrows(
        InvalidMessageException.class, () -> PubSubEnvelope.decode(event("{\"hello\":1}")));
  }

  @Test
  void rejectsAnEventThatIsNotJson() {
    assertThrows(InvalidMessageException.class, () -> PubSubEnvelope.decode(event("not json")));
  }
}
