package dev.iamscan.scanner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Name, version and home of the tool, as reports state them. */
public record ToolInfo(String name, String version, String informationUri) {
  public static final String RULE_DOCS = "https://github.com/iamscan/iamscan/blob/main/docs/rules/";

  /** The version Maven wrote into the jar at build time. */
  public static ToolInfo load() {
    Properties p = new Properties();
    try (InputStream in = ToolInfo.class.getResourceAsStream("/iamscan-version.properties")) {
      if (in != null) p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String version = p.getProperty("version", "0.0.0");
    // Unfiltered resources (an IDE run) still need a valid semantic version.
    if (version.startsWith("$")) version = "0.0.0";
    return new ToolInfo("iamscan", version, "https://github.com/iamscan/iamscan");
  }
}
