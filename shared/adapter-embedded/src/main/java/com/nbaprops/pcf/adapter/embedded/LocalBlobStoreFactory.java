package com.nbaprops.pcf.adapter.embedded;

import com.nbaprops.pcf.config.BackendSpec;
import com.nbaprops.pcf.port.BlobStore;
import com.nbaprops.pcf.runtime.BackendFactory;
import com.nbaprops.pcf.runtime.PipelineRuntimeContext;
import java.nio.file.Path;

/** {@code local:DIR}: objects as files under a directory. */
public final class LocalBlobStoreFactory extends BackendFactory<BlobStore> {
  public LocalBlobStoreFactory() {
    super(BlobStore.class, "local");
  }

  @Override
  public BlobStore open(BackendSpec spec, PipelineRuntimeContext context) {
    return new LocalDirectoryBlobStore(Path.of(spec.requireLocation()));
  }
}
