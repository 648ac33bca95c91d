package com.nbaprops.pcf.local.serve;

import com.nbaprops.pcf.runtime.PipelineRuntime;
import com.nbaprops.pcf.runtime.RuntimeHost;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Hands the functions the invoker constructs under {@code ./pipeline serve} the host's embedded
 * runtime: the invoker calls their no-argument constructors, so this is the one way in. Found
 * through {@link java.util.ServiceLoader} (META-INF/services of this module); empty whenever no
 * {@link FunctionHost} is running.
 */
public final class ServeRuntimeHost implements RuntimeHost {
  private static final AtomicReference<PipelineRuntime> HOSTED = new AtomicReference<>();

  static void host(PipelineRuntime runtime) {
    HOSTED.set(runtime);
  }

  @Override
  public Optional<PipelineRuntime> hostedRuntime() {
    return Optional.ofNullable(HOSTED.get());
  }
}
