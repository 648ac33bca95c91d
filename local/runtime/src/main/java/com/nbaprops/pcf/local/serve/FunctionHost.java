package com.nbaprops.pcf.local.serve;

import com.nbaprops.pcf.local.runtime.LocalRuntime;
import com.nbaprops.pcf.local.runtime.SuiteFunction;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Runs the four functions under the real Functions Framework invoker ({@code
 * java-function-invoker}), one HTTP server per function, all in this process so they share one
 * embedded warehouse; the local bus pushes each downstream message to the subscribed function's
 * endpoint over HTTP.
 *
 * <p>The invoker jar is loaded in its own class loader whose parent is this one, so it binds the
 * same function API classes the functions implement. The invoker always listens on every interface;
 * the host moves each server to loopback before it accepts anything from elsewhere, since these
 * endpoints have no authentication.
 */
public final class FunctionHost implements AutoCloseable {
  /**
   * Where the build puts the invoker jar; {@code ./pipeline} and the tests pass it in this system
   * property.
   */
  public static final String INVOKER_JAR_PROPERTY = "pcf.invoker.jar";

  private final List<Object> invokers;
  private final URLClassLoader invokerLoader;

  private FunctionHost(List<Object> invokers, URLClassLoader invokerLoader) {
    this.invokers = invokers;
    this.invokerLoader = invokerLoader;
  }

  /**
   * Starts the functions on {@code portBase} and the next three ports, with {@code local}'s runtime
   * handed to every function, and points its bus's subscriptions at their endpoints.
   */
  public static FunctionHost start(LocalRuntime local, Path invokerJar, int portBase)
      throws Exception {
    if (!Files.isRegularFile(invokerJar)) {
      throw new IllegalStateException(
          "the Functions Framework invoker is not at "
              + invokerJar
              + "; build with `mvn -pl local/cli -am package`");
    }
    local.route(
        function -> new HttpPush(URI.create("http://127.0.0.1:" + function.port(portBase) + "/")));
    ClassLoader functions = FunctionHost.class.getClassLoader();
    URLClassLoader invokerLoader =
        new URLClassLoader(new URL[] {invokerJar.toUri().toURL()}, functions);
    requireKnownInvoker(invokerLoader, invokerJar);
    ServeRuntimeHost.host(local.runtime());
    Class<?> invokerClass =
        invokerLoader.loadClass("com.google.cloud.functions.invoker.runner.Invoker");
    Constructor<?> constructor =
        invokerClass.getConstructor(Integer.class, String.class, String.class, ClassLoader.class);
    List<Object> invokers = new ArrayList<>();
    FunctionHost host = new FunctionHost(invokers, invokerLoader);
    try {
      for (SuiteFunction function : SuiteFunction.values()) {
        invokers.add(startInvoker(constructor, function, portBase, functions));
      }
    } catch (Exception e) {
      host.close();
      throw e;
    }
    return host;
  }

  /** One function's invoker, listening on its port of the loopback interface. */
  private static Object startInvoker(
      Constructor<?> constructor, SuiteFunction function, int portBase, ClassLoader functions)
      throws Exception {
    Object invoker =
        constructor.newInstance(
            function.port(portBase), function.entryPoint(), "cloudevent", functions);
    Class<?> invokerClass = constructor.getDeclaringClass();
    invokerClass.getMethod("startTestServer").invoke(invoker);
    bindToLoopback(invokerClass, invoker);
    return invoker;
  }

  /**
   * The invoker whose internals {@link #bindToLoopback} reaches into (its private {@code server}
   * field): the version local/pom.xml copies. Another version may have moved them.
   */
  static final String INVOKER_VERSION = "2.0.0";

  private static final String INVOKER_POM =
      "META-INF/maven/com.google.cloud.functions.invoker/java-function-invoker/pom.properties";

  /** Refuses an invoker of another version than the one the loopback binding was written for. */
  static void requireKnownInvoker(URLClassLoader invokerLoader, Path invokerJar)
      throws IOException {
    URL pom = invokerLoader.findResource(INVOKER_POM);
    Properties properties = new Properties();
    if (pom != null) {
      try (InputStream in = pom.openStream()) {
        properties.load(in);
      }
    }
    String version = properties.getProperty("version", "unknown");
    if (!version.equals(INVOKER_VERSION)) {
      throw new IllegalStateException(
          "the Functions Framework invoker at "
              + invokerJar
              + " is version "
              + version
              + "; serve binds the functions to 127.0.0.1 through the internals of version "
              + INVOKER_VERSION
              + " (FunctionHost.bindToLoopback): check them against the new version's source,"
              + " then update FunctionHost.INVOKER_VERSION");
    }
  }

  /** Re-binds the invoker's Jetty connectors to 127.0.0.1 (the invoker has no host option). */
  private static void bindToLoopback(Class<?> invokerClass, Object invoker) throws Exception {
    Field serverField = invokerClass.getDeclaredField("server");
    serverField.setAccessible(true);
    Object server = serverField.get(invoker);
    for (Object connector :
        (Object[]) server.getClass().getMethod("getConnectors").invoke(server)) {
      Method stop = connector.getClass().getMethod("stop");
      Method setHost = connector.getClass().getMethod("setHost", String.class);
      Method start = connector.getClass().getMethod("start");
      stop.invoke(connector);
      setHost.invoke(connector, "127.0.0.1");
      start.invoke(connector);
    }
  }

  @Override
  public void close() throws IOException {
    try {
      for (Object invoker : invokers) {
        invoker.getClass().getMethod("stopServer").invoke(invoker);
      }
    } catch (ReflectiveOperationException e) {
      throw new IOException("cannot stop the invoker: " + e.getMessage(), e);
    } finally {
      invokerLoader.close();
      ServeRuntimeHost.host(null);
    }
  }
}
