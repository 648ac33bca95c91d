package com.nbaprops.pcf.local.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file a command writes its result to, checked before the work starts: a long run must not end in
 * "cannot write" for a folder that was never there.
 */
final class OutputFile {
  private OutputFile() {}

  /**
   * {@code file} when it can be written; otherwise bad usage (exit 2), saying what is wrong.
   *
   * @param option the option that named it, as the message says it
   */
  static Path checked(String option, Path file) {
    if (file == null) {
      return null;
    }
    Path absolute = file.toAbsolutePath();
    Path folder = absolute.getParent();
    String problem = null;
    if (Files.isDirectory(absolute)) {
      problem = "it is a folder; name a file in it, e.g. " + absolute.resolve("out" + suffix(file));
    } else if (folder == null || !Files.isDirectory(folder)) {
      problem = "there is no folder " + folder + "; create it first, or name another";
    } else if (Files.exists(absolute) ? !Files.isWritable(absolute) : !Files.isWritable(folder)) {
      problem =
          (Files.exists(absolute)
                  ? "the file is not writable"
                  : "the folder " + folder + " is not writable")
              + " by this user";
    }
    if (problem != null) {
      throw new IllegalArgumentException(option + " " + file + ": cannot write there: " + problem);
    }
    return file;
  }

  /**
   * Writes {@code content}; the path was checked, so a failure here is the disk's or the system's.
   */
  static void write(Path file, String content) {
    try {
      Files.writeString(file, content, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write " + file + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
    }
  }

  private static String suffix(Path file) {
    String name = file.getFileName() == null ? "" : file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(dot) : ".html";
  }
}
