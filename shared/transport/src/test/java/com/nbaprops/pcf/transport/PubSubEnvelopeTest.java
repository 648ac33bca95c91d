package com.nbaprops.pcf.transport;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.message.InvalidMessageException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  /** A golden file under {@code events/}: the data of an event exactly as Eventarc sends it. */
  private static String golden(String name) throws IOException {
    try (InputStream in = PubSubEnvelopeTest.class.getResourceAsStream("/events/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The body Eventarc sends: base64 data, attributes, and the message id in both spellings. */
  @Test
  void decodesTheMessageEventarcDelivers() throws IOException {
    PubSubEnvelope envelope =
        PubSubEnvelope.decode(event(golden("eventarc-message-published-data.json")));

    assertThat(envelope.data())
        .isEqualTo("{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}");
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

  @Test
  void readsTheMessageIdOlderClientsSpellInSnakeCase() {
    PubSubEnvelope envelope =
        PubSubEnvelope.decode(event("{\"message\":{\"data\":\"e30=\",\"message_id\":\"42\"}}"));

    assertThat(envelope.messageId()).isEqualTo("42");
    assertThat(envelope.data()).isEqualTo("{}");
    assertThat(envelope.attributes()).isEmpty();
  }

  @Test
  void rejectsAttributesThatAreNotStrings() {
    InvalidMessageException refused =
        assertThrows(
            InvalidMessageException.class,
            () ->
                PubSubEnvelope.decode(
                    event("{\"message\":{\"data\":\"e30=\",\"attributes\":{\"run_id\":7}}}")));

    assertThat(refused).hasMessageThat().contains("field 'run_id' must be a string, got 7");
  }

  @Test
  void rejectsDataThatIsNotBase64() {
    InvalidMessageException refused =
        assertThrows(
            InvalidMessageException.class,
            () -> PubSubEnvelope.decode(event("{\"message\":{\"data\":\"not base64!\"}}")));

    assertThat(refused).hasMessageThat().contains("its data is not base64");
  }
}
