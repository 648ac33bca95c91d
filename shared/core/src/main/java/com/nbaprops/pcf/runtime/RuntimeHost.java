package com.nbaprops.pcf.runtime;

import java.util.Optional;

/**
 * A process that hosts the functions itself ({@code ./pipeline serve}) and hands them its runtime
 * instead of one opened from the environment. Registered with {@link java.util.ServiceLoader};
 * deployed jars have none.
 */
public interface RuntimeHost {
  /** The runtime to hand to functions constructed now, or empty when this host is not running. */
  Optional<PipelineRuntime> hostedRuntime();
}
