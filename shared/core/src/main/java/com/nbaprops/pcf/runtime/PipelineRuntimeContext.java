package com.nbaprops.pcf.runtime;

import com.nbaprops.pcf.config.PipelineConfig;
import com.nbaprops.pcf.logging.LogSink;
import java.time.Clock;
import java.util.Map;

/** What an adapter may be opened with. */
public record PipelineRuntimeContext(
    PipelineConfig config, Map<String, String> env, Clock clock, LogSink logSink) {}
