package com.nbaprops.pcf.testing;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;

/**
 * CloudEvents as Eventarc delivers them, kept as structured-mode JSON under {@code events/}: the
 * envelope is the golden part, the Pub/Sub message inside it what a test varies.
 */
public final class GoldenEvents {
  private GoldenEvents() {}

  /** The event stored as {@code events/NAME.json}. */
  public static CloudEvent load(String name) {
    return toEvent(json(name));
  }

  /** The stored event with its Pub/Sub message's data replaced by {@code message}. */
  public static CloudEvent carrying(String name, String message) {
    JsonObject event = json(name);
    event
        .getAsJsonObject("data")
        .getAsJsonObject("message")
        .addProperty(
            "data", Base64.getEncoder().encodeToString(message.getBytes(StandardCharsets.UTF_8)));
    return toEvent(event);
  }

  /** The stored event with another CloudEvent type. */
  public static CloudEvent ofType(String name, String type) {
    JsonObject event = json(name);
    event.addProperty("type", type);
    return toEvent(event);
  }

  /** The stored event's attributes around {@code data} as the raw body, whatever it is. */
  public static CloudEvent withRawData(String name, String data) {
    JsonObject event = json(name);
    return CloudEventBuilder.v1(toEvent(event))
        .withData(data.getBytes(StandardCharsets.UTF_8))
        .build();
  }

  /** A Pub/Sub message as it reaches composite-factors. */
  public static CloudEvent request(String message) {
    return carrying("composite-factors-request", message);
  }

  /** The stored event's data: the HTTP body of a binary-mode delivery. */
  public static String body(String name) {
    return json(name).getAsJsonObject("data").toString();
  }

  private static JsonObject json(String name) {
    String path = "/events/" + name + ".json";
    try (InputStream in = GoldenEvents.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden event " + path);
      }
      return JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static CloudEvent toEvent(JsonObject json) {
    return CloudEventBuilder.v1()
        .withId(json.get("id").getAsString())
        .withSource(URI.create(json.get("source").getAsString()))
        .withType(json.get("type").getAsString())
        .withTime(OffsetDateTime.parse(json.get("time").getAsString()))
        .withDataContentType(json.get("datacontenttype").getAsString())
        .withData(json.get("data").toString().getBytes(StandardCharsets.UTF_8))
        .build();
  }
}
