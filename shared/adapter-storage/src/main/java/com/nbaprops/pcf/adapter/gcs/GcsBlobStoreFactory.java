package com.nbaprops.pcf.adapter.gcs;

import com.google.cloud.storage.StorageOptions;
import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.config.ConfigException;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;

/** {@code gcs:BUCKET}: a Cloud Storage bucket, with the default credentials. */
public final class GcsBlobStoreFactory implements BackendFactory<BlobStore> {
  @Override
  public Class<BlobStore> port() {
    return BlobStore.class;
  }

  @Override
  public String kind() {
    return "gcs";
  }

  @Override
  public BlobStore open(BackendSpec spec, PipelineRuntimeContext context) {
    String bucket = spec.requireLocation();
    StorageOptions options =
        StorageOptions.newBuilder().setProjectId(context.config().projectId()).build();
    if (options.getCredentials() == null) {
      throw ConfigException.noCredentials(spec.toString());
    }
    return new GcsBlobStore(options.getService(), bucket);
  }
}
