package com.nbaprops.pcf.local.serve;

import static com.google.common.truth.Truth.assertThat;

import com.nbaprops.pcf.local.cli.SeasonFixture;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.port.Row;
import com.nbaprops.pcf.sql.Sql;
import com.nbaprops.pcf.testing.GoldenEvents;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The four functions under the real invoker, driven by a binary-mode CloudEvent POST as Eventarc
 * sends it.
 */
class FunctionHostTest {
  @TempDir static Path home;
  private static LocalRuntime local;
  private static FunctionHost host;
  private static int portBase;

  @BeforeAll
  static void serve() throws Exception {
    local = SeasonFixture.SEASON.openForHosting(home);
    portBase = freePortBase();
    host =
        FunctionHost.start(
            local, Path.of(System.getProperty(FunctionHost.INVOKER_JAR_PROPERTY)), portBase);
  }

  @AfterAll
  static void stop() throws Exception {
    host.close();
    local.close();
  }

  /** Four consecutive free ports. */
  private static int freePortBase() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int base;
      try (ServerSocket socket = new ServerSocket(0)) {
        base = socket.getLocalPort();
      }
      if (base <= 65_000 && free(base + 1) && free(base + 2) && free(base + 3)) {
        return base;
      }
    }
    throw new IOException("no four consecutive free ports");
  }

  @SuppressWarnings("try") // binding the port is the probe
  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A request to composite-factors, pushed over HTTP in binary mode as Eventarc does. */
  private static HttpResponse<String> post(int port, String message) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpPush.request(
                URI.create("http://127.0.0.1:" + port + "/"), GoldenEvents.request(message)),
            HttpResponse.BodyHandlers.ofString());
  }

  private static List<Row> query(String sql) {
    return local.runtime().warehouse().query(Sql.of(sql).date("d", LocalDate.of(2023, 2, 23)));
  }

  @Test
  void aPostedRequestRunsTheChainThroughToTheMetadataRow() throws Exception {
    HttpResponse<String> response =
        post(portBase, "{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(local.bus().awaitIdle(java.time.Duration.ofSeconds(60))).isTrue();
    assertThat(local.bus().deadLetters()).isEmpty();
    assertThat(
            query(
                    "SELECT COUNT(*) AS n FROM nba_precompute.player_composite_factors WHERE game_date = @d")
                .get(0)
                .int64("n"))
        .isEqualTo(187);
    Row metadata =
        query(
                "SELECT * FROM nba_orchestration.backfill_processing_metadata WHERE analysis_date = @d")
            .get(0);
    assertThat(metadata.string("status")).isEqualTo("COMPLETE");
    assertThat(metadata.int64("actual_players")).isEqualTo(187);
  }

  @Test
  void aMalformedMessageIsAcknowledgedAndRecorded() throws Exception {
    HttpResponse<String> response = post(portBase, "{\"isBackfill\":true}");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(
            local
                .runtime()
                .warehouse()
                .query(
                    Sql.of(
                        "SELECT failure_reason FROM nba_orchestration.precompute_failures"
                            + " WHERE failure_category = 'INVALID_MESSAGE'")))
        .isNotEmpty();
  }

  @Test
  void theEndpointsListenOnLoopbackOnly() throws Exception {
    var outside =
        java.net.NetworkInterface.networkInterfaces()
            .flatMap(java.net.NetworkInterface::inetAddresses)
            .filter(
                address -> !address.isLoopbackAddress() && address instanceof java.net.Inet4Address)
            .findFirst();
    org.junit.jupiter.api.Assumptions.assumeTrue(
        outside.isPresent(), "no non-loopback address to try");

    boolean reachable;
    try (var socket = new java.net.Socket()) {
      socket.connect(new java.net.InetSocketAddress(outside.get(), portBase), 500);
      reachable = true;
    } catch (IOException e) {
      reachable = false;
    }
    assertThat(reachable).isFalse();
  }
}
