package com.nbaprops.pcf.adapter.embedded;

import com.nbaprops.pcf.port.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A bucket as a local directory: object names are relative paths; writes are atomic (temp file,
 * then rename).
 */
public final class LocalDirectoryBlobStore implements BlobStore {
  private final Path root;

  public LocalDirectoryBlobStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void write(String name, byte[] content, String contentType) {
    Path target = resolve(name);
    try {
      Files.createDirectories(target.getParent());
      Path temp = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
      try {
        Files.write(temp, content);
        Files.move(
            temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + describe(name), e);
    }
  }

  @Override
  public Optional<byte[]> read(String name) {
    try {
      return Optional.of(Files.readAllBytes(resolve(name)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + describe(name), e);
    }
  }

  @Override
  public List<String> list(String prefix) {
    if (!Files.isDirectory(root)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(Files::isRegularFile)
          .map(path -> root.relativize(path).toString().replace('\\', '/'))
          .filter(name -> name.startsWith(prefix) && !name.endsWith(".tmp"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + root, e);
    }
  }

  @Override
  public String describe(String name) {
    return root.resolve(name).toString();
  }

  private Path resolve(String name) {
    Path path = root.resolve(name).normalize();
    if (name.isEmpty() || !path.startsWith(root) || path.equals(root)) {
      throw new IllegalArgumentException("object name escapes the bucket: '" + name + "'");
    }
    return path;
  }
}
