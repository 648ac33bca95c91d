package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.local.runtime.SuiteFunction;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the deployment sets that decides how messages meet the functions: each function's most
 * instances at once (Terraform's {@code max_instance_count}, one request per instance), and how
 * Pub/Sub redelivers (scripts/attach-dead-letter-policies.sh: {@code max_delivery_attempts},
 * backoff from 10 to 600 s). TerraformContractTest keeps these equal to Terraform's.
 */
public record Deployment(
    Map<SuiteFunction, Integer> maxInstances,
    int maxDeliveryAttempts,
    Duration minimumBackoff,
    Duration maximumBackoff) {

  public Deployment {
    maxInstances = Map.copyOf(maxInstances);
  }

  /** As terraform/variables.tf and the dead-letter script deploy it. */
  public static Deployment terraform() {
    Map<SuiteFunction, Integer> instances = new EnumMap<>(SuiteFunction.class);
    instances.put(SuiteFunction.COMPOSITE_FACTORS, 5);
    instances.put(SuiteFunction.COVERAGE_VALIDATION, 5);
    instances.put(SuiteFunction.METADATA_TRACKING, 3);
    instances.put(SuiteFunction.UPCOMING_TABLES_CLEANUP, 1);
    return new Deployment(instances, 5, Duration.ofSeconds(10), Duration.ofSeconds(600));
  }

  /** The same with {@code function} allowed {@code instances} at once. */
  public Deployment withInstances(SuiteFunction function, int instances) {
    if (instances < 1 || instances > 1000) {
      throw new IllegalArgumentException(
          "instances must be from 1 to 1000 (Cloud Run's bounds), not " + instances);
    }
    Map<SuiteFunction, Integer> changed = new EnumMap<>(maxInstances);
    changed.put(function, instances);
    return new Deployment(changed, maxDeliveryAttempts, minimumBackoff, maximumBackoff);
  }

  public int instances(SuiteFunction function) {
    return maxInstances.get(function);
  }
}
