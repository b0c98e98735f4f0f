package dev.iamscan.scanner.baseline;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.iamscan.rules.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Findings accepted as they are, so that a scan reports only new ones. Keys hold no line numbers:
 * an edit elsewhere in a file must not bring an old finding back. File names are relative to the
 * baseline file's directory, so a baseline means the same from any working directory.
 *
 * @param entries the accepted findings, sorted, repeated when a key occurs more than once
 */
public record Baseline(List<Key> entries) {
  public static final int VERSION = 1;

  /**
   * What identifies a finding across edits.
   *
   * @param file the file, as reports name it
   * @param resource the resource address or logical id
   * @param rule the rule id
   * @param digest SHA-256 of the offending value (the finding's evidence, or its message when it has none)
   */
  public record Key(String file, String resource, String rule, String digest) implements Comparable<Key> {
    private static final Comparator<Key> ORDER = Comparator.comparing(Key::file).thenComparing(Key::resource)
        .thenComparing(Key::rule).thenComparing(Key::digest);

    /** @param file the finding's file as the baseline names it (relative to the baseline's directory) */
    public static Key of(Finding f, String file) {
      String value = f.evidence().isEmpty() ? f.message() : f.evidence();
      return new Key(file, f.resource(), f.ruleId(), sha256(value));
    }

    /**
     * The key as one digest, for SARIF {@code partialFingerprints}: a finding keeps it when lines move
     * and loses it when its file, resource, rule or offending value changes.
     */
    public String fingerprint() {
      return sha256(file + '\u0000' + resource + '\u0000' + rule + '\u0000' + digest);
    }

    @Override
    public int compareTo(Key o) {
      return ORDER.compare(this, o);
    }
  }

  /**
   * What applying a baseline gave.
   *
   * @param fresh findings not in the baseline
   * @param known findings the baseline holds
   * @param gone baseline entries within the scan that no finding matched
   */
  public record Outcome(List<Finding> fresh, int known, int gone) {
    public Outcome {
      fresh = List.copyOf(fresh);
    }
  }

  public Baseline {
    entries = entries.stream().sorted().toList();
  }

  /** @param fileName how the baseline names a finding's file */
  public static Baseline of(List<Finding> findings, Function<Finding, String> fileName) {
    return new Baseline(findings.stream().map(f -> Key.of(f, fileName.apply(f))).toList());
  }

  /**
   * @param fileName how the baseline names a finding's file
   * @param inScope whether this scan could have found an entry again (its file scanned, its rule run
   *     and reported); an unmatched entry outside the scan is not counted as gone
   */
  public Outcome apply(List<Finding> findings, Function<Finding, String> fileName, Predicate<Key> inScope) {
    // A multiset: two identical findings in the baseline cover two, not every future copy.
    Map<Key, Integer> left = new TreeMap<>();
    for (Key k : entries) left.merge(k, 1, Integer::sum);
    List<Finding> fresh = new ArrayList<>();
    int known = 0;
    for (Finding f : findings) {
      Key k = Key.of(f, fileName.apply(f));
      Integer n = left.get(k);
      if (n == null) {
        fresh.add(f);
      } else {
        known++;
        if (n == 1) left.remove(k);
        else left.put(k, n - 1);
      }
    }
    int gone = left.entrySet().stream().filter(e -> inScope.test(e.getKey()))
        .mapToInt(Map.Entry::getValue).sum();
    return new Outcome(fresh, known, gone);
  }

  public void write(Writer out) throws IOException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode root = nodes.objectNode();
    root.put("version", VERSION);
    root.put("tool", "iamscan");
    ArrayNode list = root.putArray("findings");
    for (Key k : entries) {
      ObjectNode o = list.addObject();
      o.put("file", k.file());
      o.put("resource", k.resource());
      o.put("rule", k.rule());
      o.put("digest", k.digest());
    }
    ObjectMapper mapper = new ObjectMapper();
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = mapper.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(printer);
      mapper.writeTree(g, root);
    }
    out.write('\n');
    out.flush();
  }

  /** Reads a baseline file; throws with a plain message when it is not one. */
  public static Baseline read(String text) throws IOException {
    JsonNode root = new ObjectMapper().readTree(text);
    if (root == null || !root.isObject()) throw new IOException("not a baseline: expected a JSON object");
    int version = root.path("version").asInt(-1);
    if (version != VERSION) {
      throw new IOException("unsupported baseline version " + root.path("version") + " (expected " + VERSION + ")");
    }
    JsonNode findings = root.path("findings");
    if (!findings.isArray()) throw new IOException("not a baseline: 'findings' must be a list");
    List<Key> keys = new ArrayList<>();
    for (JsonNode f : findings) {
      keys.add(new Key(f.path("file").asText(""), f.path("resource").asText(""), f.path("rule").asText(""),
          f.path("digest").asText("")));
    }
    return new Baseline(keys);
  }

  static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
