package com.nbaprops.pcf.testing;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nbaprops.pcf.adapter.embedded.LocalDirectoryBlobStore;
import com.nbaprops.pcf.port.BlobStore;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fault lands on the call it names, and a name that is no call of the port is refused. */
class FaultsTest {
  @TempDir Path root;

  @Test
  void onlyTheNthCallFailsAndTheOthersReachThePort() {
    BlobStore blobs =
        Faults.failingOnce(
            BlobStore.class,
            new LocalDirectoryBlobStore(root),
            "write",
            2,
            () -> new IllegalStateException("disk full"));

    blobs.write("a", new byte[] {1}, "application/octet-stream");
    assertThrows(
        IllegalStateException.class,
        () -> blobs.write("b", new byte[] {2}, "application/octet-stream"));
    blobs.write("c", new byte[] {3}, "application/octet-stream");

    assertThat(blobs.list("")).containsExactly("a", "c");
  }

  @Test
  void aMisspeltMethodIsRefusedWithTheOnesThereAre() {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                Faults.failingFrom(
                    BlobStore.class,
                    new LocalDirectoryBlobStore(root),
                    "wirte",
                    1,
                    IllegalStateException::new));

    assertThat(refused).hasMessageThat().contains("no method 'wirte'");
    assertThat(refused).hasMessageThat().contains("write");
  }
}
