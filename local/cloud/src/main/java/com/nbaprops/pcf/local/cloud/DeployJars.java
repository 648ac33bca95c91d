package com.nbaprops.pcf.local.cloud;

import com.nbaprops.pcf.local.runtime.SuiteFunction;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The functions' deploy jars as {@code mvn package} builds them
 * (functions/NAME/target/*-deploy.jar), refused when missing or older than a source they are built
 * from: what runs must be this code.
 */
public final class DeployJars implements FunctionCode {
  /** Where the project's {@code functions} folder is; {@code ./pipeline} passes it. */
  public static final String FUNCTIONS_DIR_PROPERTY = "pcf.functions.dir";

  static final String REBUILD =
      "build the deploy jars with mvn -B -q package -DskipTests -pl functions/composite-factors,"
          + "functions/coverage-validation,functions/metadata-tracking,"
          + "functions/upcoming-tables-cleanup -am";

  private final Path functionsDir;

  /**
   * @param functionsDir the project's {@code functions} folder
   */
  public DeployJars(Path functionsDir) {
    this.functionsDir = functionsDir;
  }

  @Override
  public String classpath(SuiteFunction function) throws IOException {
    return of(function).toString();
  }

  /**
   * The deploy jar of {@code function}.
   *
   * @throws IllegalStateException when it is missing, or older than a source it is built from (it
   *     would run other code)
   */
  public Path of(SuiteFunction function) throws IOException {
    Path target = functionsDir.resolve(function.functionName()).resolve("target");
    Path jar = null;
    if (Files.isDirectory(target)) {
      try (var jars = Files.list(target)) {
        jar =
            jars.filter(p -> p.getFileName().toString().endsWith("-deploy.jar"))
                .findFirst()
                .orElse(null);
      }
    }
    if (jar == null) {
      throw new IllegalStateException("no deploy jar under " + target + ": " + REBUILD);
    }
    requireNewerThanSources(function, jar);
    return jar;
  }

  /** Refuses a deploy jar older than a source file of its function or of the shared modules. */
  private void requireNewerThanSources(SuiteFunction function, Path jar) throws IOException {
    FileTime built = Files.getLastModifiedTime(jar);
    Set<String> entries;
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      entries = zip.stream().map(ZipEntry::getName).collect(Collectors.toSet());
    }
    List<Path> modules = new ArrayList<>(List.of(functionsDir.resolve(function.functionName())));
    try (var shared = Files.list(functionsDir.resolveSibling("shared"))) {
      shared.forEach(modules::add);
    }
    for (Path module : modules) {
      Path newer = newerSource(module, entries, built);
      if (newer != null) {
        throw new IllegalStateException(
            jar.getFileName() + " is older than " + newer + ": " + REBUILD);
      }
    }
  }

  /**
   * A source of {@code module} changed after {@code built}, if the module is in the jar (one of its
   * classes is among {@code entries}); else null.
   */
  private static Path newerSource(Path module, Set<String> entries, FileTime built)
      throws IOException {
    Path sources = module.resolve("src").resolve("main").resolve("java");
    if (!Files.isDirectory(sources)) {
      return null;
    }
    List<Path> files;
    try (var walk = Files.walk(sources)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).toList();
    }
    boolean inJar =
        files.stream()
            .map(file -> sources.relativize(file).toString().replace('\\', '/'))
            .anyMatch(name -> entries.contains(name.replaceAll("\\.java$", ".class")));
    if (!inJar) {
      return null;
    }
    for (Path file : files) {
      if (Files.getLastModifiedTime(file).compareTo(built) > 0) {
        return file;
      }
    }
    return null;
  }
}
