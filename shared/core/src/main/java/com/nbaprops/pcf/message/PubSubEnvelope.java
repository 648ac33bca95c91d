package com.nbaprops.pcf.message;

import com.google.events.cloud.pubsub.v1.MessagePublishedData;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The Pub/Sub message inside a {@code google.cloud.pubsub.topic.v1.messagePublished} CloudEvent, as
 * Eventarc and Pub/Sub push deliver it: {@code {"message":{"data":base64, "attributes":{...},
 * "messageId":...}, "subscription":...}}.
 */
public record PubSubEnvelope(
    String messageId, String data, Map<String, String> attributes, String subscription) {
  public static final String EVENT_TYPE = "google.cloud.pubsub.topic.v1.messagePublished";
  private static final JsonFormat.Parser PARSER = JsonFormat.parser().ignoringUnknownFields();

  public PubSubEnvelope {
    attributes = Map.copyOf(attributes);
  }

  /**
   * Decodes the event; an event that is not a Pub/Sub message is an {@link
   * InvalidMessageException}.
   */
  public static PubSubEnvelope decode(CloudEvent event) {
    if (!EVENT_TYPE.equals(event.getType())) {
      throw new InvalidMessageException(
          "CloudEvent "
              + event.getId()
              + " is of type '"
              + JsonFields.abbreviate(event.getType())
              + "', not a Pub/Sub message ("
              + EVENT_TYPE
              + ")");
    }
    if (event.getData() == null) {
      throw new InvalidMessageException("CloudEvent " + event.getId() + " has no data");
    }
    String json = new String(event.getData().toBytes(), StandardCharsets.UTF_8);
    MessagePublishedData.Builder published = MessagePublishedData.newBuilder();
    try {
      PARSER.merge(withoutSnakeCaseDuplicates(json), published);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw new InvalidMessageException(
          "CloudEvent " + event.getId() + " does not carry a Pub/Sub message: " + e.getMessage(),
          e);
    }
    if (!published.hasMessage()) {
      throw new InvalidMessageException("CloudEvent " + event.getId() + " has no 'message' field");
    }
    var message = published.getMessage();
    return new PubSubEnvelope(
        message.getMessageId().isEmpty() ? event.getId() : message.getMessageId(),
        message.getData().toString(StandardCharsets.UTF_8),
        message.getAttributesMap(),
        published.getSubscription());
  }

  /**
   * Eventarc and Pub/Sub push send {@code messageId}/{@code publishTime} and, for older clients,
   * the same values as {@code message_id}/{@code publish_time}. The protobuf JSON parser treats the
   * pair as one field set twice and refuses the whole message, so the snake_case copies are dropped
   * first.
   */
  private static String withoutSnakeCaseDuplicates(String json) {
    JsonElement root = StrictJson.parse(json);
    if (root.isJsonObject()
        && root.getAsJsonObject().get("message") instanceof JsonObject message) {
      if (message.has("messageId")) {
        message.remove("message_id");
      }
      if (message.has("publishTime")) {
        message.remove("publish_time");
      }
    }
    return root.toString();
  }
}
