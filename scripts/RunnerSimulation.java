import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a workflow job that uses iamscan's composite action the way a GitHub-hosted runner would, on
 * this machine: the action is a copy of the project outside the workspace, GITHUB_WORKSPACE,
 * RUNNER_TEMP, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and GITHUB_ACTION_PATH are set, `run:` steps run
 * in bash with the runner's flags, and the `uses:` steps that need GitHub are stubbed: checkout
 * copies a fixture repository, setup-java points at this JDK, cache/restore and cache/save use a
 * local directory, upload-sarif checks the file and records it.
 *
 * <p>Usage (from scripts/simulate-action, with the iamscan jar on the class path for Jackson):
 * {@code java -cp iamscan.jar RunnerSimulation.java run --project DIR --workflow FILE --checkout DIR
 * --work DIR --out DIR --cache DIR --event push|fork-pr [--seed-jar JAR] [--code-scanning off]}, or
 * {@code ... extract-run --out DIR FILE...} to write every `run:` block to its own file for shellcheck.
 *
 * <p>WORK is the runner's work folder, laid out anew for each job but for the same paths, as on a
 * hosted runner; CACHE is the cache service. It writes OUT/result.env (job exit code, the action's
 * outputs, uploads, step times), OUT/summary.md (the job summary) and OUT/log.txt (the job log).
 */
public final class RunnerSimulation {
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
  private static final String REPOSITORY = "octo-org/infra";

  private final Map<String, String> options;
  private final Path project;
  private final Path work;
  private final Path out;
  private final Path workspace;
  private final Path temp;
  private final Path actions;
  private final Path cache;
  private final PrintStream log;
  private final Map<String, String> jobEnv = new LinkedHashMap<>();
  private final List<String> uploads = new ArrayList<>();
  private final Map<String, String> result = new LinkedHashMap<>();
  private int stepCounter;

  private RunnerSimulation(Map<String, String> options) throws IOException {
    this.options = options;
    project = Path.of(required("--project")).toAbsolutePath().normalize();
    work = Path.of(required("--work")).toAbsolutePath().normalize();
    out = Path.of(required("--out")).toAbsolutePath().normalize();
    cache = Path.of(required("--cache")).toAbsolutePath().normalize();
    // The runner's layout: work/<repo>/<repo> is the workspace, work/_actions holds actions, work/_temp the temp.
    workspace = work.resolve("infra/infra");
    temp = work.resolve("_temp");
    actions = work.resolve("_actions");
    deleteTree(workspace.getParent());
    deleteTree(temp);
    deleteTree(actions);
    Files.createDirectories(workspace);
    Files.createDirectories(temp);
    Files.createDirectories(cache);
    Files.createDirectories(out);
    log = new PrintStream(Files.newOutputStream(out.resolve("log.txt")), true, StandardCharsets.UTF_8);
    Files.writeString(out.resolve("summary.md"), "");
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 0) throw new IllegalArgumentException("usage: run ... | extract-run --out DIR FILE...");
    if (args[0].equals("extract-run")) {
      extractRun(args);
      return;
    }
    Map<String, String> options = new HashMap<>();
    for (int i = 1; i + 1 < args.length; i += 2) options.put(args[i], args[i + 1]);
    RunnerSimulation sim = new RunnerSimulation(options);
    int code = sim.runJob();
    sim.result.put("exit", Integer.toString(code));
    sim.result.put("uploads", Integer.toString(sim.uploads.size()));
    for (int i = 0; i < sim.uploads.size(); i++) sim.result.put("upload." + (i + 1), sim.uploads.get(i));
    StringBuilder env = new StringBuilder();
    sim.result.forEach((k, v) -> env.append(k).append('=').append(v).append('\n'));
    Files.writeString(sim.out.resolve("result.env"), env.toString());
    System.out.println("job finished with exit code " + code);
  }

  private String required(String name) {
    String v = options.get(name);
    if (v == null) throw new IllegalArgumentException("missing " + name);
    return v;
  }

  // ---------------------------------------------------------------- the job

  private int runJob() throws IOException, InterruptedException {
    JsonNode workflow = new YAMLMapper().readTree(Path.of(required("--workflow")).toFile());
    JsonNode jobs = workflow.path("jobs");
    if (jobs.size() != 1) throw new IllegalStateException("the example workflow should have one job");
    JsonNode job = jobs.elements().next();
    boolean fork = "fork-pr".equals(required("--event"));
    jobEnv.put("CI", "true");
    jobEnv.put("GITHUB_ACTIONS", "true");
    jobEnv.put("GITHUB_WORKSPACE", workspace.toString());
    jobEnv.put("GITHUB_REPOSITORY", REPOSITORY);
    jobEnv.put("GITHUB_SERVER_URL", "https://github.com");
    jobEnv.put("GITHUB_SHA", "4f3c2b1a0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b");
    jobEnv.put("GITHUB_EVENT_NAME", fork ? "pull_request" : "push");
    jobEnv.put("RUNNER_TEMP", temp.toString());
    jobEnv.put("RUNNER_OS", "Linux");
    jobEnv.put("HOME", work.resolve("home").toString());
    Files.createDirectories(work.resolve("home"));

    Map<String, Object> github = new HashMap<>();
    github.put("workspace", workspace.toString());
    github.put("repository", REPOSITORY);
    github.put("sha", jobEnv.get("GITHUB_SHA"));
    github.put("server_url", "https://github.com");
    github.put("event_name", jobEnv.get("GITHUB_EVENT_NAME"));
    github.put("event", fork
        ? Map.of("pull_request", Map.of("head", Map.of("repo", Map.of("full_name", "contributor/infra"))))
        : Map.of());
    Map<String, Object> context = new HashMap<>();
    context.put("github", github);
    context.put("runner", Map.of("os", "Linux", "temp", temp.toString()));

    boolean failed = false;
    int exit = 0;
    for (JsonNode step : job.path("steps")) {
      String name = step.has("name") ? step.get("name").asText() : step.has("uses") ? step.get("uses").asText() : "run";
      if (failed) {
        log.println("skipped: " + name);
        continue;
      }
      log.println("== " + name);
      int code;
      if (step.has("uses")) {
        String uses = step.get("uses").asText();
        Map<String, String> with = map(step.path("with"), context);
        if (uses.startsWith("actions/checkout@")) {
          copyTree(Path.of(required("--checkout")), workspace);
          code = 0;
        } else if (uses.startsWith("iamscan/iamscan@") || uses.equals("./")) {
          code = runComposite(uses, with, github);
        } else {
          throw new IllegalStateException("the simulation has no stub for " + uses);
        }
      } else {
        code = runScript(step.get("run").asText(), map(step.path("env"), context), "workflow");
      }
      if (code != 0) {
        failed = true;
        exit = code;
        log.println("step failed with exit code " + code);
      }
    }
    return exit;
  }

  // ---------------------------------------------------------------- the composite action

  private int runComposite(String uses, Map<String, String> with, Map<String, Object> github)
      throws IOException, InterruptedException {
    String ref = uses.contains("@") ? uses.substring(uses.indexOf('@') + 1) : "";
    // Like the runner: the action is downloaded to _actions/owner/name/ref, outside the workspace.
    Path actionPath = actions.resolve("iamscan/iamscan").resolve(ref.isEmpty() ? "local" : ref);
    copyProject(actionPath);
    JsonNode action = new YAMLMapper().readTree(actionPath.resolve("action.yml").toFile());

    Map<String, Object> inputs = new HashMap<>();
    action.path("inputs").properties().forEach(e -> inputs.put(e.getKey(), e.getValue().path("default").asText("")));
    with.forEach((k, v) -> {
      if (!inputs.containsKey(k)) throw new IllegalStateException("the action has no input '" + k + "'");
      inputs.put(k, v);
    });
    Map<String, Object> actionGithub = new HashMap<>(github);
    actionGithub.put("action_path", actionPath.toString());
    actionGithub.put("action_ref", ref);
    Map<String, Object> steps = new HashMap<>();
    Map<String, Object> context = new HashMap<>();
    context.put("github", actionGithub);
    context.put("runner", Map.of("os", "Linux", "temp", temp.toString()));
    context.put("inputs", inputs);
    context.put("steps", steps);

    boolean failed = false;
    int exit = 0;
    for (JsonNode step : action.path("runs").path("steps")) {
      String name = step.has("name") ? step.get("name").asText() : step.path("uses").asText("run");
      context.put("job_failed", failed);
      String condition = step.has("if") ? step.get("if").asText() : "success()";
      if (!truthy(new Expression(strip(condition), context).evaluate())) {
        log.println("  skipped: " + name);
        continue;
      }
      log.println("  -- " + name);
      long started = System.nanoTime();
      Map<String, String> outputs = new LinkedHashMap<>();
      int code;
      if (step.has("uses")) {
        code = stub(step.get("uses").asText(), map(step.path("with"), context), outputs);
      } else {
        Map<String, String> env = map(step.path("env"), context);
        env.put("GITHUB_ACTION_PATH", actionPath.toString());
        env.put("GITHUB_ACTION_REF", ref);
        code = runScript(step.get("run").asText(), env, "action", outputs);
      }
      log.printf(Locale.ROOT, "     %.1f s%n", (System.nanoTime() - started) / 1e9);
      result.put("step." + name.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(Locale.ROOT) + ".seconds",
          String.format(Locale.ROOT, "%.1f", (System.nanoTime() - started) / 1e9));
      if (step.has("id")) {
        steps.put(step.get("id").asText(), Map.of("outputs", new HashMap<>(outputs),
            "outcome", code == 0 ? "success" : "failure"));
      }
      if (code != 0 && step.has("continue-on-error")
          && truthy(new Expression(strip(step.get("continue-on-error").asText()), context).evaluate())) {
        // The step's outcome is failure, its conclusion success: the job goes on as if it had passed.
        log.println("     step failed with exit code " + code + "; continue-on-error");
        code = 0;
      }
      if (code != 0 && !failed) {
        failed = true;
        exit = code;
      }
    }
    action.path("outputs").properties().forEach(e -> result.put("output." + e.getKey(),
        substitute(e.getValue().path("value").asText(), context)));
    return exit;
  }

  /** The `uses:` steps of the action, without GitHub. */
  private int stub(String uses, Map<String, String> with, Map<String, String> outputs) throws IOException {
    String name = uses.substring(0, uses.indexOf('@'));
    if (!uses.matches(".*@[0-9a-f]{40}")) throw new IllegalStateException(uses + " is not pinned by commit SHA");
    switch (name) {
      case "actions/setup-java" -> {
        String java = System.getProperty("java.home");
        int feature = Runtime.version().feature();
        if (Integer.parseInt(with.get("java-version")) > feature) {
          throw new IllegalStateException("this JDK is " + feature + ", the workflow asks for " + with.get("java-version"));
        }
        jobEnv.put("JAVA_HOME", java);
        jobEnv.put("PATH", java + "/bin:" + System.getenv("PATH"));
        log.println("     stub: Java " + feature + " from " + java);
        return 0;
      }
      case "actions/cache/restore" -> {
        String key = with.get("key");
        Path exact = cache.resolve(key);
        Path hit = Files.isDirectory(exact) ? exact : null;
        List<String> paths = lines(with.get("path"));
        if (hit == null && options.containsKey("--seed-jar") && paths.size() == 1 && paths.get(0).endsWith(".jar")) {
          // A warm cache: an earlier job saved the jar built from these very sources.
          Path jar = Path.of(paths.get(0));
          Path seeded = exact.resolve(stored(jar));
          Files.createDirectories(seeded.getParent());
          Files.copy(Path.of(options.get("--seed-jar")), seeded);
          hit = exact;
        }
        String prefix = with.getOrDefault("restore-keys", "").strip();
        if (hit == null && !prefix.isEmpty()) {
          try (Stream<Path> s = Files.list(cache)) {
            hit = s.filter(p -> p.getFileName().toString().startsWith(prefix))
                .max(Comparator.comparing(p -> p.toFile().lastModified())).orElse(null);
          }
        }
        if (hit != null) {
          for (String p : lines(with.get("path"))) {
            Path from = hit.resolve(stored(Path.of(p)));
            if (Files.exists(from)) copyTree(from, Path.of(p));
          }
        }
        outputs.put("cache-hit", Boolean.toString(hit != null && hit.equals(exact)));
        outputs.put("cache-matched-key", hit == null ? "" : hit.getFileName().toString());
        log.println("     stub: cache " + (hit == null ? "miss" : "restored " + hit.getFileName()) + " for " + key);
        return 0;
      }
      case "actions/cache/save" -> {
        Path entry = cache.resolve(with.get("key"));
        if (Files.exists(entry)) {
          log.println("     stub: cache entry " + entry.getFileName() + " exists; not saved again");
          return 0;
        }
        for (String p : lines(with.get("path"))) {
          if (!Files.exists(Path.of(p))) throw new IllegalStateException("cache path does not exist: " + p);
          copyTree(Path.of(p), entry.resolve(stored(Path.of(p))));
        }
        log.println("     stub: cache saved as " + entry.getFileName());
        return 0;
      }
      case "github/codeql-action/upload-sarif" -> {
        Path sarif = Path.of(with.get("sarif_file"));
        JsonNode doc = new ObjectMapper().readTree(sarif.toFile());
        if (!"2.1.0".equals(doc.path("version").asText())) throw new IllegalStateException("not SARIF 2.1.0: " + sarif);
        if ("off".equals(options.get("--code-scanning"))) {
          // What upload-sarif says on a repository without code scanning (a private one without Code Security).
          log.println("::error::Please verify that the necessary features are enabled: Code Security must be "
              + "enabled for this repository to use code scanning.");
          log.println("     stub: upload-sarif refused " + sarif);
          return 1;
        }
        uploads.add(sarif + " " + doc.at("/runs/0/automationDetails/id").asText()
            + " " + doc.at("/runs/0/results").size());
        log.println("     stub: upload-sarif " + sarif);
        return 0;
      }
      default -> throw new IllegalStateException("the simulation has no stub for " + uses);
    }
  }

  /** Where a cached absolute path is kept inside its cache entry. */
  private static Path stored(Path absolute) {
    return Path.of("root").resolve(absolute.toAbsolutePath().normalize().toString().substring(1));
  }

  private int runScript(String script, Map<String, String> stepEnv, String where)
      throws IOException, InterruptedException {
    return runScript(script, stepEnv, where, new LinkedHashMap<>());
  }

  /** A `run:` step: bash as the runner starts it, in the workspace, with fresh output and summary files. */
  private int runScript(String script, Map<String, String> stepEnv, String where, Map<String, String> outputs)
      throws IOException, InterruptedException {
    if (script.contains("${{")) throw new IllegalStateException("a run block holds an expression: " + script);
    int n = ++stepCounter;
    Path file = temp.resolve("step-" + n + ".sh");
    Path output = temp.resolve("output-" + n);
    Path summary = temp.resolve("summary-" + n);
    Files.writeString(file, script);
    Files.writeString(output, "");
    Files.writeString(summary, "");
    ProcessBuilder pb = new ProcessBuilder("bash", "--noprofile", "--norc", "-e", "-o", "pipefail", file.toString());
    pb.directory(workspace.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("GITHUB_") || k.startsWith("RUNNER_") || k.startsWith("IAMSCAN_")
        || k.equals("JAVA_HOME") || k.equals("MAVEN_USER_HOME") || k.equals("MAVEN_OPTS") || k.equals("MAVEN_ARGS"));
    env.putAll(jobEnv);
    env.putAll(stepEnv);
    env.put("GITHUB_OUTPUT", output.toString());
    env.put("GITHUB_STEP_SUMMARY", summary.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) log.println("     " + line);
    }
    int code = p.waitFor();
    outputs.putAll(readOutputs(output));
    Files.writeString(out.resolve("summary.md"), Files.readString(summary), StandardOpenOption.APPEND);
    return code;
  }

  /** GITHUB_OUTPUT lines: {@code name=value}, or {@code name<<DELIMITER} ... {@code DELIMITER}. */
  static Map<String, String> readOutputs(Path file) throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> lines = Files.readAllLines(file);
    for (int i = 0; i < lines.size(); i++) {
      String l = lines.get(i);
      int heredoc = l.indexOf("<<");
      int eq = l.indexOf('=');
      if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
        String delimiter = l.substring(heredoc + 2);
        StringBuilder v = new StringBuilder();
        while (++i < lines.size() && !lines.get(i).equals(delimiter)) v.append(v.length() > 0 ? "\n" : "").append(lines.get(i));
        out.put(l.substring(0, heredoc), v.toString());
      } else if (eq > 0) {
        out.put(l.substring(0, eq), l.substring(eq + 1));
      } else if (!l.isBlank()) {
        throw new IllegalStateException("bad GITHUB_OUTPUT line: " + l);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- expressions

  private Map<String, String> map(JsonNode node, Map<String, Object> context) {
    Map<String, String> m = new LinkedHashMap<>();
    node.properties().forEach(e -> m.put(e.getKey(), substitute(e.getValue().asText(), context)));
    return m;
  }

  private static String substitute(String text, Map<String, Object> context) {
    Matcher m = EXPRESSION.matcher(text);
    StringBuilder b = new StringBuilder();
    while (m.find()) m.appendReplacement(b, Matcher.quoteReplacement(string(new Expression(m.group(1), context).evaluate())));
    m.appendTail(b);
    return b.toString();
  }

  private static String strip(String condition) {
    Matcher m = EXPRESSION.matcher(condition.strip());
    return m.matches() ? m.group(1) : condition;
  }

  static String string(Object v) {
    return v == null ? "" : v instanceof Boolean b ? b.toString() : v.toString();
  }

  static boolean truthy(Object v) {
    return v != null && !(v instanceof Boolean b && !b) && !"".equals(v) && !"0".equals(v.toString());
  }

  /** The part of GitHub's expression language the action uses: contexts, literals, ==, !=, !, &&, ||, status functions. */
  static final class Expression {
    private final String text;
    private final Map<String, Object> context;
    private int pos;

    Expression(String text, Map<String, Object> context) {
      this.text = text;
      this.context = context;
    }

    Object evaluate() {
      Object v = or();
      skip();
      if (pos != text.length()) throw new IllegalStateException("cannot read expression: " + text);
      return v;
    }

    private Object or() {
      Object left = and();
      while (take("||")) {
        Object right = and();
        left = truthy(left) ? left : right;
      }
      return left;
    }

    private Object and() {
      Object left = equality();
      while (take("&&")) {
        Object right = equality();
        left = truthy(left) ? right : left;
      }
      return left;
    }

    private Object equality() {
      Object left = unary();
      while (true) {
        if (take("==")) left = string(left).equalsIgnoreCase(string(unary()));
        else if (take("!=")) left = !string(left).equalsIgnoreCase(string(unary()));
        else return left;
      }
    }

    private Object unary() {
      if (take("!")) return !truthy(unary());
      return primary();
    }

    private Object primary() {
      skip();
      if (take("(")) {
        Object v = or();
        if (!take(")")) throw new IllegalStateException("missing ) in " + text);
        return v;
      }
      if (text.startsWith("'", pos)) {
        int end = pos + 1;
        StringBuilder b = new StringBuilder();
        while (true) {
          int q = text.indexOf('\'', end);
          if (q < 0) throw new IllegalStateException("unterminated string in " + text);
          b.append(text, end, q);
          if (q + 1 < text.length() && text.charAt(q + 1) == '\'') {
            b.append('\'');
            end = q + 2;
          } else {
            pos = q + 1;
            return b.toString();
          }
        }
      }
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || "_-.".indexOf(text.charAt(pos)) >= 0)) pos++;
      String word = text.substring(start, pos);
      if (word.isEmpty()) throw new IllegalStateException("cannot read expression: " + text);
      if (take("(")) {
        if (!take(")")) throw new IllegalStateException("functions take no arguments here: " + text);
        boolean failed = Boolean.TRUE.equals(context.get("job_failed"));
        return switch (word) {
          case "success" -> !failed;
          case "failure" -> failed;
          case "always" -> true;
          case "cancelled" -> false;
          default -> throw new IllegalStateException("unknown function " + word);
        };
      }
      switch (word) {
        case "true": return true;
        case "false": return false;
        case "null": return null;
        default: break;
      }
      Object v = context;
      for (String part : word.split("\\.")) {
        if (!(v instanceof Map<?, ?> m)) return null;
        if (v == context && !m.containsKey(part)) throw new IllegalStateException("unknown context " + part);
        v = m.get(part);
      }
      return v;
    }

    private boolean take(String token) {
      skip();
      if (text.startsWith(token, pos) && !(token.equals("!") && text.startsWith("!=", pos))) {
        pos += token.length();
        return true;
      }
      return false;
    }

    private void skip() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) pos++;
    }
  }

  // ---------------------------------------------------------------- files

  /** The project's tracked files, as GitHub would download them for `uses:`; no build output. */
  private void copyProject(Path to) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("git", "-C", project.toString(), "ls-files", "-z").start();
    String listed = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) throw new IllegalStateException("git ls-files failed in " + project);
    for (String f : listed.split("\0")) {
      if (f.isEmpty()) continue;
      Path from = project.resolve(f);
      if (!Files.exists(from, LinkOption.NOFOLLOW_LINKS)) continue; // deleted in the work tree
      Path target = to.resolve(f);
      Files.createDirectories(target.getParent());
      Files.copy(from, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING,
          LinkOption.NOFOLLOW_LINKS);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : (Iterable<Path>) s::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) Files.delete(p);
    }
  }

  private static List<String> lines(String s) {
    return s.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  // ---------------------------------------------------------------- shellcheck support

  /** Writes every `run:` block of the given action or workflow files to OUT/NAME-N.sh, for shellcheck. */
  private static void extractRun(String[] args) throws IOException {
    if (args.length < 4 || !args[1].equals("--out")) throw new IllegalArgumentException("extract-run --out DIR FILE...");
    Path out = Path.of(args[2]);
    Files.createDirectories(out);
    for (int i = 3; i < args.length; i++) {
      Path file = Path.of(args[i]);
      JsonNode doc = new YAMLMapper().readTree(file.toFile());
      List<JsonNode> steps = new ArrayList<>();
      doc.path("runs").path("steps").forEach(steps::add);
      doc.path("jobs").forEach(j -> j.path("steps").forEach(steps::add));
      int n = 0;
      String base = file.getFileName().toString().replaceAll("\\.ya?ml$", "");
      for (JsonNode step : steps) {
        if (!step.has("run")) continue;
        n++;
        String shell = step.path("shell").asText("bash");
        if (!shell.equals("bash")) throw new IllegalStateException(file + ": run step " + n + " uses shell " + shell);
        Path target = out.resolve(base + "-" + n + ".sh");
        // The runner starts bash with -e -o pipefail.
        String header = "#!/usr/bin/env bash\n# " + file + ", run step " + n + ": " + step.path("name").asText("")
            + "\nset -eo pipefail\n";
        Files.writeString(target, header + step.get("run").asText());
        System.out.println(target);
      }
    }
  }
}
