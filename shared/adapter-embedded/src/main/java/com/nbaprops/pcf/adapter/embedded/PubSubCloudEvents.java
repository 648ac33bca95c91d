package com.nbaprops.pcf.adapter.embedded;

import com.google.gson.JsonObject;
import com.nbaprops.pcf.transport.PubSubEnvelope;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

/**
 * Builds the CloudEvent that Eventarc delivers for a Pub/Sub message (both spellings of the id and
 * publish time included, as observed from Eventarc), so local deliveries exercise the same decoding
 * as the cloud.
 */
public final class PubSubCloudEvents {
  private PubSubCloudEvents() {}

  /** The Pub/Sub message as push delivers it, its id and time in both spellings. */
  private static JsonObject message(
      String messageId, Instant publishTime, String data, Map<String, String> attributes) {
    JsonObject message = new JsonObject();
    message.addProperty(
        "data", Base64.getEncoder().encodeToString(data.getBytes(StandardCharsets.UTF_8)));
    JsonObject attributeObject = new JsonObject();
    attributes.forEach(attributeObject::addProperty);
    message.add("attributes", attributeObject);
    message.addProperty("messageId", messageId);
    message.addProperty("message_id", messageId);
    message.addProperty("publishTime", publishTime.toString());
    message.addProperty("publish_time", publishTime.toString());
    return message;
  }

  public static CloudEvent messagePublished(
      String projectId,
      String topic,
      String subscription,
      String messageId,
      Instant publishTime,
      String data,
      Map<String, String> attributes) {
    JsonObject body = new JsonObject();
    body.add("message", message(messageId, publishTime, data, attributes));
    body.addProperty("subscription", "projects/" + projectId + "/subscriptions/" + subscription);
    return CloudEventBuilder.v1()
        .withId(messageId)
        .withSource(
            URI.create("//pubsub.googleapis.com/projects/" + projectId + "/topics/" + topic))
        .withType(PubSubEnvelope.EVENT_TYPE)
        .withDataContentType("application/json")
        .withTime(publishTime.atOffset(ZoneOffset.UTC))
        .withData(body.toString().getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
