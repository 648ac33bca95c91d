package com.nbaprops.pcf.adapter.pubsub;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.rpc.StubSettings;

/**
 * How the adapter reaches Pub/Sub: over its REST API (the client library's HTTP/JSON transport),
 * the one transport the BigQuery and Cloud Storage clients already load, so a function carries no
 * gRPC, Netty or their native TLS libraries (17 MB of each deploy jar). The emulator {@code
 * PUBSUB_EMULATOR_HOST} names answers REST on the same port as gRPC, in plain HTTP and without
 * credentials.
 */
final class PubSubRest {
  private PubSubRest() {}

  static <S extends StubSettings<S>, B extends StubSettings.Builder<S, B>> B to(
      B settings, String emulatorHost) {
    if (emulatorHost == null || emulatorHost.isBlank()) {
      return settings;
    }
    return settings
        .setEndpoint("http://" + emulatorHost)
        .setCredentialsProvider(NoCredentialsProvider.create());
  }
}
