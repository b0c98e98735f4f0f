package dev.iamscan.scanner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files a branch changed since it left another ref: {@code git diff --name-only REF...HEAD},
 * that is, against the merge base, as a pull request shows them. A renamed file counts under its
 * new name; deleted files are left out (nothing can be found in them).
 */
public final class ChangedFiles {
  /** Git is missing, the directory is not in a repository, or the ref is unknown. */
  public static final class GitException extends Exception {
    GitException(String message) {
      super(message);
    }
  }

  private ChangedFiles() {}

  /** @return absolute, real paths of the changed files that still exist */
  public static Set<Path> since(String ref, Path directory) throws GitException {
    if (ref.isBlank() || ref.startsWith("-")) throw new GitException("not a git ref: '" + ref + "'");
    String top = git(directory, "rev-parse", "--show-toplevel");
    if (top == null) throw new GitException(directory + " is not inside a git repository");
    Path root = Path.of(top.strip());
    if (git(directory, "rev-parse", "--verify", "--quiet", ref + "^{commit}") == null) {
      throw new GitException("unknown git ref '" + ref + "'");
    }
    String names = git(directory, "diff", "--name-only", "-z", "--find-renames", "--diff-filter=d", ref + "...HEAD");
    if (names == null) throw new GitException("git diff " + ref + "...HEAD failed (no merge base?)");
    Set<Path> out = new LinkedHashSet<>();
    for (String n : names.split("\0")) {
      if (!n.isEmpty()) out.add(Review.real(root.resolve(n)));
    }
    return out;
  }

  /** Standard output of a successful git command, or null when it fails. */
  private static String git(Path directory, String... args) throws GitException {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString(), "-c", "core.quotepath=off"));
    command.addAll(List.of(args));
    Process p;
    try {
      p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    } catch (IOException e) {
      throw new GitException("cannot run git (" + e.getMessage() + ")");
    }
    try (InputStream in = p.getInputStream()) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      in.transferTo(buf);
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new GitException("git " + args[0] + " did not finish");
      }
      return p.exitValue() == 0 ? buf.toString(StandardCharsets.UTF_8) : null;
    } catch (IOException e) {
      throw new GitException("cannot read git's output (" + e.getMessage() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
  }
}
