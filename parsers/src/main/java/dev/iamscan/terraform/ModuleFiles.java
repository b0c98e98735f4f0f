package dev.iamscan.terraform;

import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.SourceRange;
import dev.iamscan.model.Value;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * File access for one module: names files relative to the scan root, reads them as strict UTF-8,
 * and confines {@code file()} and {@code templatefile()} to the scan root (symlinks resolved).
 * Collects the diagnostics and the list of files read.
 */
final class ModuleFiles {
  private final Path moduleDir;
  private final Path scanRoot;
  private final Path realRoot;
  private final ParserLimits limits;
  private final Set<Diagnostic> diagnostics = new LinkedHashSet<>();
  private final Set<String> filesRead = new LinkedHashSet<>();

  ModuleFiles(Path moduleDir, Path scanRoot, ParserLimits limits) {
    this.limits = limits;
    this.moduleDir = moduleDir.toAbsolutePath().normalize();
    this.scanRoot = scanRoot.toAbsolutePath().normalize();
    Path real;
    try {
      real = this.scanRoot.toRealPath();
    } catch (IOException e) {
      real = this.scanRoot;
    }
    this.realRoot = real;
  }

  ParserLimits limits() {
    return limits;
  }

  Path moduleDir() {
    return moduleDir;
  }

  /** A path relative to the scan root with forward slashes; "." for the root itself. */
  String relative(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path rel;
    if (abs.startsWith(scanRoot)) rel = scanRoot.relativize(abs);
    else if (abs.startsWith(realRoot)) rel = realRoot.relativize(abs);
    else rel = abs;
    String s = rel.toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }

  void add(Diagnostic d) {
    diagnostics.add(d);
  }

  List<Diagnostic> diagnostics() {
    return new ArrayList<>(diagnostics);
  }

  List<String> filesRead() {
    return new ArrayList<>(filesRead);
  }

  /** Reads a file of the module itself; an unreadable or non-UTF-8 file becomes an ERROR. */
  Optional<String> readSource(Path file) {
    String rel = relative(file);
    filesRead.add(rel);
    try {
      Optional<byte[]> bytes = readBounded(file);
      if (bytes.isEmpty()) {
        add(Diagnostic.error(rel, 1, 1, "file is larger than the limit of " + limits.maxFileBytes()
            + " bytes; it was not scanned"));
        return Optional.empty();
      }
      return Optional.of(decode(bytes.get()));
    } catch (CharacterCodingException e) {
      add(Diagnostic.error(rel, 1, 1, "file is not valid UTF-8; it was not scanned"));
    } catch (IOException | SecurityException e) {
      add(Diagnostic.error(rel, 1, 1, "cannot read file: " + e.getMessage()));
    }
    return Optional.empty();
  }

  /**
   * Reads a file named by {@code file()} or {@code templatefile()}, relative to the module, as
   * verbatim text located at its line 1. Outside the scan root, missing or unreadable: a WARNING at
   * the call and no value.
   */
  Optional<Value.Text> readReferenced(String path, SourceRange at) {
    Path target;
    try {
      target = moduleDir.resolve(path).normalize();
    } catch (InvalidPathException e) {
      warn(at, "file(" + path + "): invalid path");
      return Optional.empty();
    }
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      warn(at, "file(" + path + "): no such file; its content is unknown");
      return Optional.empty();
    }
    if (!real.startsWith(realRoot)) {
      warn(at, "file(" + path + ") points outside the scan root; not read, its content is unknown");
      return Optional.empty();
    }
    if (!Files.isRegularFile(real)) {
      warn(at, "file(" + path + "): not a regular file; its content is unknown");
      return Optional.empty();
    }
    String rel = relative(target.startsWith(scanRoot) ? target : real);
    try {
      Optional<byte[]> bytes = readBounded(real);
      if (bytes.isEmpty()) {
        warn(at, "file(" + path + ") is larger than the limit of " + limits.maxFileBytes()
            + " bytes; not read, its content is unknown");
        return Optional.empty();
      }
      String text = decode(bytes.get());
      filesRead.add(rel);
      return Optional.of(new Value.Text(text, SourceRange.at(rel, 1, 1), true));
    } catch (CharacterCodingException e) {
      warn(at, "file(" + path + ") is not valid UTF-8; its content is unknown");
    } catch (IOException | SecurityException e) {
      warn(at, "file(" + path + "): cannot read: " + e.getMessage());
    }
    return Optional.empty();
  }

  /**
   * The file's bytes, or empty when it holds more than {@code maxFileBytes}. The size is checked
   * before reading, and the read itself stops one byte past the limit in case the file grows.
   */
  private Optional<byte[]> readBounded(Path file) throws IOException {
    long max = limits.maxFileBytes();
    if (Files.size(file) > max) return Optional.empty();
    int cap = (int) Math.min(max + 1, Integer.MAX_VALUE - 16);
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(cap);
    }
    return bytes.length > max ? Optional.empty() : Optional.of(bytes);
  }

  void warn(SourceRange at, String message) {
    add(Diagnostic.warning(at.file(), at.startLine(), at.startColumn(), message));
  }

  static String decode(byte[] bytes) throws CharacterCodingException {
    String s = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT)
        .decode(ByteBuffer.wrap(bytes))
        .toString();
    return s.startsWith("\uFEFF") ? s.substring(1) : s;
  }
}
