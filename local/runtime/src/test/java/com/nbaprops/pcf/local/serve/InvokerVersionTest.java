package com.nbaprops.pcf.local.serve;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve reaches into the invoker's internals: only for the version that was written against. */
class InvokerVersionTest {
  @TempDir Path folder;

  private Path invoker(String version) throws IOException {
    Path jar = folder.resolve("java-function-invoker-" + version + ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(
          new JarEntry(
              "META-INF/maven/com.google.cloud.functions.invoker/java-function-invoker/"
                  + "pom.properties"));
      out.write(("version=" + version + "\n").getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void anotherVersionOfTheInvokerIsRefusedWithWhatToCheck() throws IOException {
    Path jar = invoker("9.9.9");
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      IllegalStateException refused =
          assertThrows(
              IllegalStateException.class, () -> FunctionHost.requireKnownInvoker(loader, jar));

      assertThat(refused).hasMessageThat().contains("is version 9.9.9");
      assertThat(refused).hasMessageThat().contains("FunctionHost.bindToLoopback");
    }
  }

  @Test
  void theVersionItWasWrittenForIsAccepted() throws IOException {
    Path jar = invoker(FunctionHost.INVOKER_VERSION);
    try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
      FunctionHost.requireKnownInvoker(loader, jar);
    }
  }
}
