package com.nbaprops.pcf.transport;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import com.nbaprops.pcf.message.InvalidMessageException;
import com.nbaprops.pcf.message.JsonFields;
import com.nbaprops.pcf.message.StrictJson;
import io.cloudevents.CloudEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
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
    JsonElement root =
        StrictJson.parse(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    if (!(root instanceof JsonObject published)
        || !(published.get("message") instanceof JsonObject message)) {
      throw new InvalidMessageException("CloudEvent " + id + " has no 'message' field");
    }
    return new PubSubEnvelope(
        messageId(message, id),
        data(message, id),
        attributes(message, id),
        text(published, "subscription", id));
  }

  /**
   * Older clients send message_id beside messageId: the same value, either spelling read; the
   * event's own id when neither is there.
   */
  private static String messageId(JsonObject message, String id) {
    String messageId = text(message, "messageId", id);
    if (messageId.isEmpty()) {
      messageId = text(message, "message_id", id);
    }
    return messageId.isEmpty() ? id : messageId;
  }

  /** The base64 payload as text; protobuf's JSON form allows the URL-safe alphabet too. */
  private static String data(JsonObject message, String id) {
    String encoded = text(message, "data", id);
    try {
      byte[] bytes =
          encoded.indexOf('-') >= 0 || encoded.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(encoded)
              : Base64.getDecoder().decode(encoded);
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidMessageException(
          "CloudEvent " + id + " does not carry a Pub/Sub message: its data is not base64");
    }
  }

  private static Map<String, String> attributes(JsonObject message, String id) {
    JsonElement value = message.get("attributes");
    Map<String, String> attributes = new LinkedHashMap<>();
    if (value == null || value.isJsonNull()) {
      return attributes;
    }
    if (!value.isJsonObject()) {
      throw new InvalidMessageException(
          "CloudEvent " + id + " does not carry a Pub/Sub message: 'attributes' is not an object");
    }
    value
        .getAsJsonObject()
        .entrySet()
        .forEach(entry -> attributes.put(entry.getKey(), string(entry.getValue(), id)));
    return attributes;
  }

  /** A string field, or "" when absent (protobuf's default). */
  private static String text(JsonObject object, String field, String id) {
    JsonElement value = object.get(field);
    return value == null || value.isJsonNull() ? "" : string(value, id);
  }

  private static String string(JsonElement value, String id) {
    if (value instanceof JsonPrimitive primitive && primitive.isString()) {
      return primitive.getAsString();
    }
    throw new InvalidMessageException(
        "CloudEvent " + id + " does not carry a Pub/Sub message: " + value + " is not a string");
  }
}
