package com.nbaprops.pcf.local.cli;

import com.nbaprops.pcf.local.runtime.ExitCodes;
import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import com.nbaprops.pcf.local.serve.FunctionHost;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Host the four functions under the Functions Framework invoker on 127.0.0.1, sharing the embedded warehouse.",
      "Ports: composite-factors :8081, coverage-validation :8082, metadata-tracking :8083, upcoming-tables-cleanup :8084.",
      "POST a CloudEvent as Eventarc would; downstream messages are pushed to the next function over HTTP.",
      "Stop with Ctrl-C.",
      "Example: ./pipeline serve --port-base 9081"
    })
final class ServeCommand extends SubCommand {
  @Option(
      names = "--port-base",
      paramLabel = "PORT",
      description = "composite-factors' port; the others follow.")
  int portBase = SuiteFunction.DEFAULT_PORT_BASE;

  @Override
  @SuppressWarnings(
      "try") // the host serves until the process is stopped; closing it is the point of the try
  public Integer call() throws Exception {
    PrintWriter out = out();
    global().requireEmbedded("serve");
    String jar = System.getProperty(FunctionHost.INVOKER_JAR_PROPERTY);
    if (jar == null) {
      throw new IllegalArgumentException(
          "set -D"
              + FunctionHost.INVOKER_JAR_PROPERTY
              + " to the java-function-invoker jar (./pipeline does)");
    }
    try (LocalRuntime local =
            LocalRuntime.openForHosting(
                global().home(), global().env, global().today, global().logSink());
        FunctionHost host = FunctionHost.start(local, Path.of(jar), portBase)) {
      printEndpoints(out);
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      stopped.await();
      return ExitCodes.OK;
    }
  }

  /** Each function's address, and a request to try on composite-factors. */
  private void printEndpoints(PrintWriter out) {
    for (SuiteFunction function : SuiteFunction.values()) {
      out.printf(
          "%-24s http://127.0.0.1:%d/  %s%n",
          function.functionName(), function.port(portBase), function.entryPoint());
    }
    out.println("Try:");
    out.println(
        "  curl -sS -X POST http://127.0.0.1:"
            + portBase
            + "/ -H 'ce-id: 1' -H 'ce-specversion: 1.0' \\");
    out.println("    -H 'ce-type: google.cloud.pubsub.topic.v1.messagePublished' \\");
    out.println(
        "    -H 'ce-source: //pubsub.googleapis.com/projects/local-project/topics/composite-factors-requests' \\");
    out.println("    -H 'Content-Type: application/json' \\");
    out.println(
        "    -d '{\"message\":{\"data\":\"'$(echo -n '{\"analysis_date\":\"2023-02-23\",\"backfill_mode\":true}' | base64 -w0)'\",\"messageId\":\"1\"}}'");
    out.flush();
  }
}
