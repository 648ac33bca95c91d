package com.nbaprops.pcf.port;

import java.util.List;
import java.util.Optional;

/** Object storage: a Cloud Storage bucket in the cloud, a local directory on a laptop. */
public interface BlobStore {

  /** Writes (or overwrites) the object; when this returns, the whole object is stored. */
  void write(String name, byte[] content, String contentType);

  Optional<byte[]> read(String name);

  /** Names of the objects whose name starts with {@code prefix}, sorted. */
  List<String> list(String prefix);

  /** A readable address of the object for logs and reports, e.g. {@code gs://bucket/name}. */
  String describe(String name);
}
