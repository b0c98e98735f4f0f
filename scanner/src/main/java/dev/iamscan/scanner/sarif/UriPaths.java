package dev.iamscan.scanner.sarif;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** URI forms of file names for SARIF. */
public final class UriPaths {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private UriPaths() {}

  /**
   * A relative file name as a relative URI reference: forward slashes kept, everything but RFC 3986
   * unreserved characters percent-encoded as UTF-8. Encoding more than strictly needed (":" and
   * sub-delims too) keeps a first segment like {@code a:b} from reading as a scheme.
   */
  public static String encodePath(String path) {
    StringBuilder b = new StringBuilder(path.length() + 8);
    for (byte by : path.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = by & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
      }
    }
    return b.toString();
  }

  /** An absolute {@code file:} URI of a directory, ending in a slash as SARIF base ids require. */
  static String directoryUri(Path dir) {
    String uri = dir.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }
}
