package dev.iamscan.scanner;

import dev.iamscan.cloudformation.CloudFormationParser;
import dev.iamscan.model.Diagnostic;
import dev.iamscan.model.ParseResult;
import dev.iamscan.model.ParserLimits;
import dev.iamscan.model.Resource;
import dev.iamscan.model.ResourceModel;
import dev.iamscan.rules.Finding;
import dev.iamscan.rules.FindingSink;
import dev.iamscan.rules.Rule;
import dev.iamscan.rules.RuleCatalog;
import dev.iamscan.rules.RuleEngine;
import dev.iamscan.rules.RuleMetadata;
import dev.iamscan.rules.ScanContext;
import dev.iamscan.terraform.TerraformModuleParser;
import dev.iamscan.terraform.plan.TerraformPlanReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Discovers inputs under the scan roots, parses them in parallel, runs the rules over one model of
 * everything, and returns findings and diagnostics in a stable order.
 */
public final class Scanner {
  /** Diagnostics sort like findings: by file, then position, errors before warnings. */
  static final Comparator<Diagnostic> DIAGNOSTIC_ORDER = Comparator
      .comparing(Diagnostic::file)
      .thenComparingInt(Diagnostic::line)
      .thenComparingInt(Diagnostic::column)
      .thenComparing(Diagnostic::level)
      .thenComparing(Diagnostic::message);

  private final TerraformSource terraform;
  private final CloudFormationSource cloudFormation;
  private final List<Rule> rules;
  private final int threads;
  private final Consumer<String> warnings;
  /** The directories a Terraform module calls through local sources; tells roots from called modules. */
  private final Function<Path, Set<Path>> localModuleCalls;
  /** Reads plan JSON; null when plans are not recognised (tests with fake parsers). */
  private final TerraformPlanReader plans;

  public Scanner(TerraformSource terraform, CloudFormationSource cloudFormation, List<Rule> rules,
      int threads, Consumer<String> warnings) {
    this(terraform, cloudFormation, rules, threads, warnings, dir -> Set.of(), null);
  }

  public Scanner(TerraformSource terraform, CloudFormationSource cloudFormation, List<Rule> rules,
      int threads, Consumer<String> warnings, Function<Path, Set<Path>> localModuleCalls,
      TerraformPlanReader plans) {
    this.localModuleCalls = localModuleCalls;
    this.plans = plans;
    this.terraform = terraform;
    this.cloudFormation = cloudFormation;
    this.rules = List.copyOf(rules);
    this.threads = Math.max(1, threads);
    this.warnings = warnings;
  }

  /** The real parsers, within the default bounds, and the given rules. */
  public static Scanner withDefaults(List<Rule> rules, Consumer<String> warnings) {
    return withDefaults(rules, ParserLimits.DEFAULTS, warnings);
  }

  /** The real parsers, within {@code limits} (the plan reader too), and the given rules. */
  public static Scanner withDefaults(List<Rule> rules, ParserLimits limits, Consumer<String> warnings) {
    TerraformModuleParser tf = new TerraformModuleParser(limits);
    CloudFormationParser cfn = new CloudFormationParser(limits);
    return new Scanner(tf::parse, cfn::parse, rules, Runtime.getRuntime().availableProcessors(), warnings,
        tf::localCalls, new TerraformPlanReader(tf));
  }

  public static List<Rule> allRules() {
    return RuleCatalog.all();
  }

  /**
   * Scans and reviews: the result holds what is reported after exclusions, suppressions,
   * exceptions, the minimum severity and the baseline of {@code request.review()}.
   *
   * @param workingDirectory what reported file names are relative to
   * @throws NoSuchFileException when a requested path does not exist (a usage error)
   */
  public ScanResult scan(ScanRequest request, Path workingDirectory) throws IOException {
    ScanResult raw = scanUnreviewed(request, workingDirectory);
    Set<String> enabled = new TreeSet<>();
    rules.forEach(r -> enabled.add(r.metadata().id()));
    Set<String> known = new TreeSet<>(request.review().knownRules());
    if (known.isEmpty()) RuleCatalog.all().forEach(r -> known.add(r.metadata().id()));
    known.addAll(enabled);
    ScanResult r = new Review(request.review(), known, enabled).apply(raw);
    // After the review: a suppression on one module call has taken that call's findings already.
    List<Finding> merged = ModuleChains.mergeInstances(r.findings(), r.resources());
    if (merged.size() == r.findings().size() && merged.equals(r.findings())) return r;
    return new ScanResult(merged, r.diagnostics(), r.filesScanned(), r.filesWithErrors(), r.rules(), r.roots(),
        r.outsideBaseIds(), r.resources(), r.suppressed(), r.baselined(), r.baselineGone(), r.suppressionProblems(),
        r.workingDirectory());
  }

  private ScanResult scanUnreviewed(ScanRequest request, Path workingDirectory) throws IOException {
    List<ScanRoot> roots = new ArrayList<>();
    int outside = 0;
    for (Path p : request.paths()) {
      if (!Files.exists(p)) throw new NoSuchFileException(p.toString(), null, "no such file or directory");
      boolean isFile = !Files.isDirectory(p);
      ScanRoot root = ScanRoot.of(p, isFile, workingDirectory, outside + 1);
      if (!root.insideWorkingDirectory()) outside++;
      roots.add(root);
    }

    InputDiscovery discovery = new InputDiscovery(warnings);
    // A set: overlapping roots (". sub") must not parse a module twice.
    Set<ScanUnit> units = new LinkedHashSet<>();
    Set<Path> seenPaths = new java.util.HashSet<>();
    for (ScanRoot root : roots) {
      List<ScanUnit> found = discovery.discover(root);
      // A file named on the command line and then ignored would look like a clean result.
      if (found.isEmpty() && Files.isRegularFile(root.requested())) {
        warnings.accept(root.requested() + " is neither Terraform nor a JSON/YAML template; not scanned");
      }
      for (ScanUnit u : found) {
        if (seenPaths.add(u.path())) units.add(u);
      }
    }

    // Excluded files are not read, unless a module that is scanned calls them.
    units.removeIf(u -> excluded(u, request.review()));
    units = new LinkedHashSet<>(ModuleRoots.select(new ArrayList<>(units), localModuleCalls));
    if (plans != null) units = withPlans(units, request.planRoot());
    List<ParseResult> results = parseAll(new ArrayList<>(units), request.varFiles());

    List<Resource> resources = new ArrayList<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Set<String> files = new TreeSet<>();
    Map<String, String> outsideBaseIds = new HashMap<>();
    int i = 0;
    for (ScanUnit unit : units) {
      ParseResult r = results.get(i++);
      if (r == null) {
        if (unit.path().equals(unit.root().requested())) {
          warnings.accept(unit.path() + " is not a CloudFormation template; not scanned");
        }
        continue;
      }
      resources.addAll(r.resources());
      diagnostics.addAll(r.diagnostics());
      files.addAll(r.files());
      if (!unit.root().insideWorkingDirectory()) {
        for (String f : r.files()) outsideBaseIds.put(f, unit.root().baseId());
        for (Diagnostic d : r.diagnostics()) outsideBaseIds.put(d.file(), unit.root().baseId());
      }
    }

    List<Finding> findings = List.of();
    if (!request.parseOnly()) {
      List<Rule> guarded = new ArrayList<>();
      List<Diagnostic> ruleFailures = Collections.synchronizedList(new ArrayList<>());
      for (Rule rule : rules) guarded.add(new GuardedRule(rule, ruleFailures));
      ScanContext context = ScanContext.of(new ResourceModel(resources), request.settings());
      findings = new RuleEngine(guarded).run(context);
      diagnostics.addAll(context.iam().documentWarnings());
      findings = ModuleChains.annotate(findings, resources);
      diagnostics.addAll(ruleFailures);
    }
    // a module called from two roots reports its own problems once
    diagnostics = new ArrayList<>(new LinkedHashSet<>(diagnostics));
    diagnostics.sort(DIAGNOSTIC_ORDER);
    Set<String> filesWithErrors = new TreeSet<>();
    for (Diagnostic d : diagnostics) {
      if (d.level() == Diagnostic.Level.ERROR && !d.file().isEmpty()) filesWithErrors.add(d.file());
    }
    files.addAll(filesWithErrors);
    List<RuleMetadata> ran = rules.stream().map(Rule::metadata)
        .sorted(Comparator.comparing(RuleMetadata::id)).toList();
    return new ScanResult(findings, diagnostics, files.size() - filesWithErrors.size(),
        filesWithErrors.size(), request.parseOnly() ? List.of() : ran, roots, outsideBaseIds, resources, List.of(),
        0, 0, List.of(), workingDirectory);
  }

  /** A template whose file is excluded, or a module directory whose every Terraform file is. */
  private static boolean excluded(ScanUnit unit, ReviewSettings review) {
    if (review.exclude().isEmpty()) return false;
    if (!(unit instanceof ScanUnit.TerraformModule)) return review.excludes(unit.path());
    try (java.util.stream.Stream<Path> s = Files.list(unit.path())) {
      List<Path> tf = s.filter(p -> InputDiscovery.isTerraformFile(p.getFileName().toString())).toList();
      return !tf.isEmpty() && tf.stream().allMatch(review::excludes);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  /**
   * Recognises plan JSON among the candidate templates. The root module a plan was made from (beside
   * it, or {@code --plan-root}) is read through the plan, not again on its own: one report per
   * directory, with the values the plan was made with.
   */
  private static Set<ScanUnit> withPlans(Set<ScanUnit> units, Path planRoot) {
    List<ScanUnit> out = new ArrayList<>();
    Set<Path> configs = new java.util.HashSet<>();
    for (ScanUnit u : units) {
      if (u instanceof ScanUnit.CandidateTemplate t && t.path().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
          && TerraformPlanReader.isPlanFile(t.path())) {
        Path config = planRoot != null ? planRoot : hasTerraformFiles(t.path().getParent()) ? t.path().getParent() : null;
        if (config != null) configs.add(realPath(config));
        out.add(new ScanUnit.TerraformPlan(t.root(), t.path(), config));
      } else {
        out.add(u);
      }
    }
    out.removeIf(u -> u instanceof ScanUnit.TerraformModule m && configs.contains(realPath(m.path())));
    return new LinkedHashSet<>(out);
  }

  private static boolean hasTerraformFiles(Path dir) {
    if (dir == null) return false;
    try (java.util.stream.Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> Files.isRegularFile(p) && InputDiscovery.isTerraformFile(p.getFileName().toString()));
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** Parses every unit on a fixed pool; results come back in unit order whatever finishes first. */
  private List<ParseResult> parseAll(List<ScanUnit> units, List<Path> varFiles) {
    if (units.isEmpty()) return List.of();
    int poolSize = Math.min(threads, units.size());
    ExecutorService pool = Executors.newFixedThreadPool(poolSize, r -> {
      Thread t = new Thread(r, "iamscan-parse");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ParseResult>> futures = new ArrayList<>(units.size());
      for (ScanUnit u : units) futures.add(pool.submit(() -> parseOne(u, varFiles)));
      List<ParseResult> out = new ArrayList<>(units.size());
      for (Future<ParseResult> f : futures) out.add(await(f));
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  private static ParseResult await(Future<ParseResult> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("scan interrupted", e);
    } catch (ExecutionException e) {
      // parseOne catches everything a parser throws; reaching here is a bug in the scanner itself.
      throw new IllegalStateException(e.getCause());
    }
  }

  /** One unit; a parser that throws despite its contract costs that unit, not the scan. */
  private ParseResult parseOne(ScanUnit unit, List<Path> varFiles) {
    ScanRoot root = unit.root();
    PathRelocation relocation = new PathRelocation(root.prefix());
    try {
      if (unit instanceof ScanUnit.TerraformModule m) {
        return relocation.apply(terraform.parse(m.path(), root.directory(), varFiles));
      }
      if (unit instanceof ScanUnit.TerraformPlan p) {
        Optional<ParseResult> r = plans.read(p.path(), root.directory(), p.configDir(), varFiles);
        if (r.isPresent()) return relocation.apply(r.get());
      }
      Optional<ParseResult> r = cloudFormation.parse(unit.path(), root.directory());
      return r.map(relocation::apply).orElse(null);
    } catch (RuntimeException | StackOverflowError e) {
      String file = root.display(unit.path());
      String what = unit instanceof ScanUnit.TerraformModule ? "Terraform module" : "template";
      return new ParseResult(List.of(), List.of(Diagnostic.error(file, 1, 1,
          "internal error while reading this " + what + " (" + describe(e) + "); it was not scanned")),
          List.of());
    }
  }

  static String describe(Throwable e) {
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m);
  }

  /** Keeps one failing rule from hiding what the others find. */
  private record GuardedRule(Rule rule, List<Diagnostic> failures) implements Rule {
    @Override
    public RuleMetadata metadata() {
      return rule.metadata();
    }

    @Override
    public void check(ScanContext context, FindingSink sink) {
      try {
        rule.check(context, sink);
      } catch (RuntimeException | StackOverflowError e) {
        failures.add(Diagnostic.error("", 1, 1,
            "rule " + rule.metadata().id() + " failed (" + describe(e) + "); its findings may be incomplete"));
      }
    }
  }
}
