package com.nbaprops.pcf.config;

/** The configuration is invalid; the message lists every problem found, not just the first. */
public class ConfigException extends RuntimeException {
  public ConfigException(String message) {
    super(message);
  }
}
