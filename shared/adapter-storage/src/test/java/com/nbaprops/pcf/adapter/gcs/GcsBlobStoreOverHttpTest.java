package com.nbaprops.pcf.adapter.gcs;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client as deployed: the JSON API over HTTP, with the gRPC transport cut from the dependencies
 * (as in the function jar), against a loopback server.
 */
class GcsBlobStoreOverHttpTest {
  private final List<String> requests = new ArrayList<>();
  private HttpServer server;
  private GcsBlobStore blobs;

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
          byte[] body =
              "{\"kind\":\"storage#objects\",\"items\":[{\"bucket\":\"backups\",\"name\":\"upcoming-tables/b.jsonl\"},{\"bucket\":\"backups\",\"name\":\"upcoming-tables/a.jsonl\"}]}"
                  .getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    server.start();
    blobs =
        new GcsBlobStore(
            StorageOptions.http()
                .setHost("http://127.0.0.1:" + server.getAddress().getPort())
                .setProjectId("props-prod")
                .setCredentials(NoCredentials.getInstance())
                .build()
                .getService(),
            "backups");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  @Test
  void listsOverTheJsonApiSorted() {
    assertThat(blobs.list("upcoming-tables/"))
        .containsExactly("upcoming-tables/a.jsonl", "upcoming-tables/b.jsonl")
        .inOrder();
    assertThat(requests.get(0)).startsWith("GET /storage/v1/b/backups/o?");
    assertThat(requests.get(0)).contains("prefix=upcoming-tables/");
  }

  @Test
  void theGrpcTransportIsNotOnTheClassPath() {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("com.google.api.gax.grpc.GrpcTransportChannel"));
  }
}
