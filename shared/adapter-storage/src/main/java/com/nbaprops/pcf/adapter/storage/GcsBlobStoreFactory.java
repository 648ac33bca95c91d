package com.nbaprops.pcf.adapter.storage;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.StorageOptions;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;

/**
 * {@code gcs:BUCKET}: a Cloud Storage bucket, with the default credentials; or, when {@code
 * STORAGE_EMULATOR_HOST} names a {@code host:port}, the JSON API served there over plain HTTP
 * without credentials (an emulator, or the benchmark's loopback), the convention Google's other
 * client libraries follow.
 */
public final class GcsBlobStoreFactory extends BackendFactory<BlobStore> {
  public GcsBlobStoreFactory() {
    super(BlobStore.class, "gcs");
  }

  /** Where an emulator of the Cloud Storage JSON API listens, as {@code host:port}. */
  public static final String EMULATOR_HOST = "STORAGE_EMULATOR_HOST";

  @Override
  public BlobStore open(BackendSpec spec, PipelineRuntimeContext context) {
    String bucket = spec.requireLocation();
    StorageOptions.Builder builder =
        StorageOptions.http().setProjectId(context.config().projectId());
    String emulator = context.env().get(EMULATOR_HOST);
    if (emulator != null && !emulator.isBlank()) {
      builder
          .setHost(emulator.startsWith("http") ? emulator : "http://" + emulator)
          .setCredentials(NoCredentials.getInstance());
    }
    StorageOptions options = builder.build();
    if (options.getCredentials() == null) {
      throw ConfigException.noCredentials(spec.toString());
    }
    return new GcsBlobStore(options.getService(), bucket);
  }
}
