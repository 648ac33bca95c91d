package com.nbaprops.pcf.local.serve;

import com.google.cloud.functions.CloudEventsFunction;
import io.cloudevents.CloudEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Delivers a CloudEvent to a function's HTTP endpoint in binary content mode ({@code ce-*} headers,
 * the Pub/Sub envelope as the body), as Eventarc pushes it. A non-2xx answer throws, so the local
 * bus redelivers and, in the end, dead-letters the message, as a Pub/Sub subscription would.
 */
public final class HttpPush implements CloudEventsFunction {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final URI endpoint;

  HttpPush(URI endpoint) {
    this.endpoint = endpoint;
  }

  /** The request Eventarc sends for {@code event}. */
  public static HttpRequest request(URI endpoint, CloudEvent event) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint)
            .timeout(Duration.ofMinutes(9))
            .header("ce-id", event.getId())
            .header("ce-source", event.getSource().toString())
            .header("ce-type", event.getType())
            .header("ce-specversion", event.getSpecVersion().toString())
            .header(
                "Content-Type",
                event.getDataContentType() == null
                    ? "application/json"
                    : event.getDataContentType())
            .POST(
                HttpRequest.BodyPublishers.ofByteArray(
                    event.getData() == null ? new byte[0] : event.getData().toBytes()));
    if (event.getTime() != null) {
      request.header("ce-time", event.getTime().toString());
    }
    return request.build();
  }

  @Override
  public void accept(CloudEvent event) throws IOException, InterruptedException {
    HttpResponse<String> response =
        CLIENT.send(request(endpoint, event), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException(
          endpoint + " answered " + response.statusCode() + ": " + response.body());
    }
  }
}
