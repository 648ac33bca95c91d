package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.local.runtime.SuiteFunction;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One instance of a function as Cloud Run starts it: its deploy jar under the real Functions
 * Framework invoker, in a process of its own, with the environment the deployment gives it and
 * nothing of this machine's local set-up.
 */
public final class FunctionProcess implements AutoCloseable {
  private static final Duration GIVE_UP = Duration.ofMinutes(2);

  private final Process process;
  private final int port;
  private final long started;
  private final Path log;

  private FunctionProcess(Process process, int port, long started, Path log) {
    this.process = process;
    this.port = port;
    this.started = started;
    this.log = log;
  }

  /**
   * Starts the function from {@code classpath} (its deploy jar, as deployed) on a free loopback
   * port; its output goes to {@code log}.
   *
   * @param env the function's environment variables, as its deployment sets them
   */
  public static FunctionProcess start(
      Path invokerJar, String classpath, SuiteFunction function, Map<String, String> env, Path log)
      throws IOException {
    int port = freePort();
    ProcessBuilder builder =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                invokerJar.toString(),
                "--classpath",
                classpath,
                "--target",
                function.entryPoint(),
                "--port",
                Integer.toString(port))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    // As deployed: nothing of this machine's local set-up leaks into the function's environment.
    builder.environment().keySet().removeIf(name -> name.startsWith("PIPELINE_"));
    builder.environment().remove("JAVA_TOOL_OPTIONS");
    builder.environment().putAll(env);
    long started = System.nanoTime();
    return new FunctionProcess(builder.start(), port, started, log);
  }

  public int port() {
    return port;
  }

  /** When the process was started, in {@link System#nanoTime()}. */
  public long started() {
    return started;
  }

  /**
   * Waits for the port to accept a connection; returns when, in {@link System#nanoTime()}.
   *
   * @throws IllegalStateException when the invoker exits or does not listen in time
   */
  public long awaitListening() throws InterruptedException {
    while (System.nanoTime() - started < GIVE_UP.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "the invoker stopped with "
                + process.exitValue()
                + " before listening; its log: "
                + log);
      }
      try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
        long now = System.nanoTime();
        socket.shutdownOutput(); // a probe: the invoker sees a connection that sends nothing
        return now;
      } catch (ConnectException notYet) {
        Thread.sleep(5);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException(
        "the invoker did not listen within " + GIVE_UP + "; its log: " + log);
  }

  /** Stops the process and waits, at most a few seconds, for it to exit. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
