package com.nbaprops.pcf.transport;

import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * The Pub/Sub message inside a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent, as
 * Eventarc and Pub/Sub push deliver it: {@code {"message":{"data":base64, "attributes":{...},
 * "messageId":...}, "subscription":...}} (the {@code MessagePublishedData} of Google's CloudEvent
 * types, read once as JSON: its other fields, such as {@code publishTime}, are not used).
 */
public record PubSubEnvelope(
    String messageId, String data, Map<String, String> attributes, String subscription) {
  public static final String EVENT_TYPE = "google.cloud.pubsub.topic.v1.messagePublished";

  public PubSubEnvelope {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Decodes the event; an event that is not a Pub/Sub message is an {@link
   * InvalidMessageException}.
   */
  public static PubSubEnvelope decode(CloudEvent event) {
    String id = event.getId();
    if (!EVENT_TYPE.equals(event.getType())) {
      throw new InvalidMessageException(
          "CloudEvent "
              + id
              + " is of type '"
              + JsonFields.abbreviate(event.getType())
              + "', not a Pub/Sub message ("
              + EVENT_TYPE
              + ")");
    }
    if (event.getData() == null) {
      throw new InvalidMessageException("CloudEvent " + id + " has no data");
    }
    try {
      JsonFields published =
          JsonFields.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
      JsonFields message =
          published
              .optionalObject("message")
              .orElseThrow(() -> new InvalidMessageException("it has no 'message' field"));
      return new PubSubEnvelope(
          messageId(message, id),
          data(message.optionalString("data").orElse("")),
          message.optionalObject("attributes").map(JsonFields::strings).orElse(Map.of()),
          published.optionalString("subscription").orElse(""));
    } catch (InvalidMessageException e) {
      throw new InvalidMessageException(
          "CloudEvent " + id + " does not carry a Pub/Sub message: " + e.getMessage(), e);
    }
  }

  /**
   * Older clients send message_id beside messageId: the same value, either spelling read; the
   * event's own id when neither is there.
   */
  private static String messageId(JsonFields message, String id) {
    return message
        .optionalString("messageId")
        .filter(value -> !value.isEmpty())
        .or(() -> message.optionalString("message_id").filter(value -> !value.isEmpty()))
        .orElse(id);
  }

  /** The base64 payload as text; protobuf's JSON form allows the URL-safe alphabet too. */
  private static String data(String encoded) {
    try {
      byte[] bytes =
          encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(encoded)
              : Base64.getDecoder().decode(encoded);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException("its data is not base64", e);
    }
  }
}
