package com.nbaprops.pcf.adapter.storage;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import com.nbaprops.pcf.port.BlobStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The blob store on a Cloud Storage bucket. An object written in one request appears whole or not
 * at all, which is what the port promises.
 */
final class GcsBlobStore implements BlobStore {
  private final Storage storage;
  private final String bucket;

  public GcsBlobStore(Storage storage, String bucket) {
    this.storage = storage;
    this.bucket = bucket;
  }

  @Override
  public void write(String name, byte[] content, String contentType) {
    try {
      storage.create(
          BlobInfo.newBuilder(BlobId.of(bucket, name)).setContentType(contentType).build(),
          content);
    } catch (StorageException e) {
      throw new IllegalStateException("cannot write " + describe(name) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<byte[]> read(String name) {
    try {
      Blob blob = storage.get(BlobId.of(bucket, name));
      return blob == null ? Optional.empty() : Optional.of(blob.getContent());
    } catch (StorageException e) {
      throw new IllegalStateException("cannot read " + describe(name) + ": " + e.getMessage(), e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    List<String> names = new ArrayList<>();
    for (Blob blob : storage.list(bucket, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
      names.add(blob.getName());
    }
    names.sort(null);
    return names;
  }

  @Override
  public String describe(String name) {
    return "gs://" + bucket + "/" + name;
  }
}
