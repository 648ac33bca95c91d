package com.nbaprops.pcf.adapter.storage;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.loopback.LoopbackStorage;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client as deployed: opened by the factory, the JSON API over HTTP with the gRPC transport cut
 * from the dependencies (as in the function jar), against a loopback server that {@code
 * STORAGE_EMULATOR_HOST} names.
 */
class GcsBlobStoreOverHttpTest {
  private LoopbackStorage server;
  private BlobStore blobs;

  @BeforeEach
  void start() throws IOException {
    server = new LoopbackStorage();
    Map<String, String> env = Map.of(GcsBlobStoreFactory.EMULATOR_HOST, server.host());
    blobs =
        new GcsBlobStoreFactory()
            .open(
                BackendSpec.parse("BLOBS", "gcs:backups"),
                new PipelineRuntimeContext(
                    PipelineConfig.fromEnvironment(env, "."),
                    env,
                    Clock.systemUTC(),
                    (s, m, l) -> {}));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesReadsAndListsOverTheJsonApi() {
    blobs.write("upcoming-tables/b.jsonl", bytes("{\"b\":1}\n"), "application/x-ndjson");
    blobs.write("upcoming-tables/a.jsonl", bytes("{\"a\":1}\n"), "application/x-ndjson");
    blobs.write("elsewhere/c.jsonl", bytes("{}\n"), "application/x-ndjson");

    assertThat(blobs.list("upcoming-tables/"))
        .containsExactly("upcoming-tables/a.jsonl", "upcoming-tables/b.jsonl")
        .inOrder();
    assertThat(blobs.read("upcoming-tables/a.jsonl")).hasValue(bytes("{\"a\":1}\n"));
    assertThat(server.objects()).containsKey("backups/upcoming-tables/b.jsonl");
  }

  @Test
  void aMissingObjectReadsAsEmpty() {
    assertThat(blobs.read("upcoming-tables/none.jsonl")).isEmpty();
  }

  @Test
  void theGrpcTransportIsNotOnTheClassPath() {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("com.google.api.gax.grpc.GrpcTransportChannel"));
  }
}
