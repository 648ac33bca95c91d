package com.nbaprops.pcf.config;

/** The configuration is invalid; the message lists every problem found, not just the first. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }

  /**
   * The client libraries fail deep inside the first call without credentials; a cloud adapter says
   * so at start-up instead, with the fix.
   */
  public static ConfigException noCredentials(String spec) {
    return new ConfigException(
        spec
            + " needs Google Cloud credentials, and none were found: run `gcloud auth application-default login`"
            + " or set GOOGLE_APPLICATION_CREDENTIALS");
  }
}
