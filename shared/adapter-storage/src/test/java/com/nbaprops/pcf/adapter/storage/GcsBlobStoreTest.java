package com.nbaprops.pcf.adapter.storage;

import static com.google.common.truth.Truth.assertThat;

import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The adapter on the real google-cloud-storage client, over the library's own in-memory fake. */
class GcsBlobStoreTest {
  private final Storage storage = LocalStorageHelper.getOptions().getService();
  private final GcsBlobStore blobs = new GcsBlobStore(storage, "backups");

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void writesAnObjectWithItsContentType() {
    blobs.write(
        "upcoming-tables/t/game_date=2023-02-23/r1.jsonl", bytes("{}\n"), "application/x-ndjson");

    var blob = storage.get(BlobId.of("backups", "upcoming-tables/t/game_date=2023-02-23/r1.jsonl"));
    assertThat(blob.getContentType()).isEqualTo("application/x-ndjson");
    assertThat(blobs.read("upcoming-tables/t/game_date=2023-02-23/r1.jsonl"))
        .hasValue(bytes("{}\n"));
  }

  @Test
  void aMissingObjectReadsAsEmpty() {
    assertThat(blobs.read("nothing-here")).isEmpty();
  }

  @Test
  void listsTheObjectsUnderAPrefixInNameOrder() {
    blobs.write("a/2", bytes("2"), "text/plain");
    blobs.write("b/1", bytes("1"), "text/plain");
    blobs.write("a/1", bytes("1"), "text/plain");
    blobs.write("a/3", bytes("3"), "text/plain");

    assertThat(blobs.list("a/")).containsExactly("a/1", "a/2", "a/3").inOrder();
  }

  @Test
  void anOverwriteReplacesTheContent() {
    blobs.write("x", bytes("old"), "text/plain");
    blobs.write("x", bytes("new"), "text/plain");

    assertThat(blobs.read("x")).hasValue(bytes("new"));
  }

  @Test
  void describesObjectsAsGsUris() {
    assertThat(blobs.describe("a/1")).isEqualTo("gs://backups/a/1");
  }
}
