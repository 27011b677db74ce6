package org.depeche.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The depeche benchmark, side by side with {@link LuceneBaseline} in the same run: indexing
 * throughput and memory with 1 and 2 threads, search latency and throughput, and the wall time of
 * one {@code ./depeche search} process. Every figure is the median of {@code --runs} runs, each in a
 * fresh JVM, depeche and the baseline taking turns so that both see the same machine load.
 *
 * <pre>
 * bench/run [--runs 3] [--scales 1,2,4] [--data ../shared/data] [--work target/bench]
 *           [--only index,memory,search,cli] [--index DIR]
 * </pre>
 *
 * <p>{@code --only} runs some of the three parts; search and the command line then use the indexes
 * of an earlier run in {@code WORK}, or build them once, unmeasured. {@code --index DIR} has them
 * search an existing depeche index instead of depeche's in {@code WORK} (1× only).
 *
 * <p>Prints a Markdown report and writes it to {@code WORK/report.md}.
 */
public final class Benchmark {
  private static final List<String> ENGINES = List.of("depeche", "lucene");
  /** The parts of the benchmark {@code --only} can choose. */
  private static final Set<String> PARTS = Set.of("index", "memory", "search", "cli");
  private static final int[] INDEX_THREADS = {1, 2};
  /** Seconds between the full collections forced in the live-heap runs. */
  private static final int FULL_GC_EVERY = 1;
  /** Headline queries run as separate {@code ./depeche search} processes, per run. */
  private static final int CLI_QUERIES = 5;
  private static final List<String> JVM_OPTIONS = List.of("--add-modules", "jdk.incubator.vector",
      "--enable-native-access=ALL-UNNAMED", "-XX:+UseSerialGC", "-Xmx1g");
  /**
   * The JVM options that {@code ./depeche index} adds for indexing (its JIT flags), from the file
   * the launcher reads them from: depeche's indexing runs here run as that command does; the
   * baseline's run with the JVM's defaults.
   */
  private static final Path DEPECHE_INDEX_OPTIONS = Path.of("src/main/jvm/index.options").toAbsolutePath();

  private final int runs;
  private final List<Integer> scales;
  private final Path data;
  private final Path work;
  private final Set<String> parts;
  private final Path depecheIndex;
  private final PrintWriter report;
  /** The live-heap runs' results by scale, then engine, for the summary across scales. */
  private final Map<Integer, Map<String, Map<String, String>>> liveHeap = new LinkedHashMap<>();

  private Benchmark(int runs, List<Integer> scales, Path data, Path work, Set<String> parts, Path depecheIndex,
      Writer report) {
    this.runs = runs;
    this.scales = scales;
    this.data = data;
    this.work = work;
    this.parts = parts;
    this.depecheIndex = depecheIndex;
    this.report = new PrintWriter(report, true);
  }

  public static void main(String[] args) throws Exception {
    int runs = 3;
    List<Integer> scales = List.of(1);
    Path data = Path.of("../shared/data");
    Path work = Path.of("target/bench");
    Set<String> parts = PARTS;
    Path depecheIndex = null;
    for (int i = 0; i < args.length; i += 2) {
      switch (args[i]) {
        case "--runs" -> runs = Integer.parseInt(args[i + 1]);
        case "--scales" -> scales = Stream.of(args[i + 1].split(",")).map(Integer::valueOf).toList();
        case "--data" -> data = Path.of(args[i + 1]);
        case "--work" -> work = Path.of(args[i + 1]);
        case "--only" -> parts = Set.of(args[i + 1].split(","));
        case "--index" -> depecheIndex = Path.of(args[i + 1]);
        default -> parts = Set.of();
      }
    }
    if (parts.isEmpty() || !PARTS.containsAll(parts)) {
      System.err.println("usage: bench/run [--runs N] [--scales 1,2,4] [--data DIR] [--work DIR] "
          + "[--only index,memory,search,cli] [--index DIR]");
      System.exit(2);
    }
    Files.createDirectories(work);
    StringWriter text = new StringWriter();
    Writer both = new Writer() {
      @Override
      public void write(char[] c, int off, int len) {
        text.write(c, off, len);
        System.out.print(new String(c, off, len));
      }

      @Override
      public void flush() {
        System.out.flush();
      }

      @Override
      public void close() {}
    };
    new Benchmark(runs, scales, data, work, parts, depecheIndex, both).run();
    Files.writeString(work.resolve("report.md"), text.toString());
    System.err.println("bench: report written to " + work.resolve("report.md"));
  }

  private void run() throws Exception {
    report.printf("# depeche benchmark%n%n");
    report.printf("- machine: %d cores, load average before the run %s%n",
        Runtime.getRuntime().availableProcessors(), loadAverage());
    report.printf("- java: %s; child JVMs: %s; depeche's indexing also @%s: %s%n",
        System.getProperty("java.vm.version"), String.join(" ", JVM_OPTIONS), DEPECHE_INDEX_OPTIONS,
        String.join(" ", Files.readAllLines(DEPECHE_INDEX_OPTIONS).stream()
            .filter(line -> line.startsWith("-")).toList()));
    report.printf("- each timed figure: the median of %d runs, depeche and bare Lucene taking turns%n%n", runs);
    for (int scale : scales) {
      List<Path> inputs = corpus(scale);
      long textBytes = 0;
      for (Path p : inputs) {
        textBytes += uncompressedSize(p);
      }
      if (parts.contains("index")) {
        indexing(scale, inputs, textBytes);
      } else if (parts.contains("memory")) {
        liveHeap(scale, inputs);
      }
      if (parts.contains("search")) {
        searching(scale, inputs);
      }
    }
    if (liveHeap.size() > 1) {
      liveHeapAcrossScales();
    }
    if (parts.contains("cli")) {
      commandLine();
    }
    report.printf("%nload average after the run: %s%n", loadAverage());
  }

  private void indexing(int scale, List<Path> inputs, long textBytes) throws Exception {
    Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
    for (int r = 0; r < runs; r++) {
      for (int threads : INDEX_THREADS) {
        for (String engine : turn(r)) {
          Path dir = indexDir(engine, scale, threads);
          deleteTree(dir);
          List<String> args = new ArrayList<>(List.of(engine, String.valueOf(threads), dir.toString()));
          inputs.forEach(p -> args.add(p.toString()));
          progress("index scale %d run %d: %s, %d thread(s)", scale, r + 1, engine, threads);
          results.computeIfAbsent(engine + threads, k -> new ArrayList<>())
              .add(indexRun(engine, args, List.of()).getFirst());
        }
      }
    }
    report.printf("## Indexing, %d× OrangeSum (%s MB of text)%n%n", scale, mb(textBytes));
    report.printf("Wall seconds from start to the last commit; CPU seconds of the whole process. "
        + "× baseline: the baseline's time over depeche's (higher is faster), by wall and by CPU.%n%n");
    report.printf("| engine | threads | wall s | passages/s | MB/s | × baseline | CPU s | × baseline CPU "
        + "| index MB | peak live heap MB | peak RSS MB |%n|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|%n");
    for (int threads : INDEX_THREADS) {
      double base = median(results.get("lucene" + threads), "seconds");
      double baseCpu = median(results.get("lucene" + threads), "cpu");
      for (String engine : ENGINES) {
        List<Map<String, String>> rs = results.get(engine + threads);
        double seconds = median(rs, "seconds");
        double cpu = median(rs, "cpu");
        double passages = median(rs, "passages");
        report.printf(Locale.ROOT, "| %s | %d | %.1f | %,.0f | %.2f | %.2f | %.1f | %.2f | %s | %s | %s |%n",
            engine, threads, seconds, passages / seconds, textBytes / 1e6 / seconds, base / seconds,
            cpu, baseCpu / cpu, mb((long) median(rs, "size")), mb((long) median(rs, "heap")),
            mb((long) median(rs, "rss")));
      }
    }
    report.println();
    liveHeap(scale, inputs);
  }

  /**
   * One more, untimed run per engine with 2 threads and a full collection forced every {@value
   * #FULL_GC_EVERY} s: the heap left after each is the live data at that moment, which the "peak
   * live heap" above (after any collection, dead objects promoted but not yet collected included)
   * overstates more the longer a run lasts.
   */
  private void liveHeap(int scale, List<Path> inputs) throws Exception {
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    for (String engine : ENGINES) {
      Path dir = work.resolve("index-" + engine + "-" + scale + "x-live");
      deleteTree(dir);
      List<String> args = new ArrayList<>(List.of(engine, "2", dir.toString()));
      inputs.forEach(p -> args.add(p.toString()));
      progress("index scale %d: %s, live heap sampled", scale, engine);
      results.put(engine, indexRun(engine, args, List.of("-Dbench.fullGcEvery=" + FULL_GC_EVERY)).getFirst());
      deleteTree(dir);
    }
    liveHeap.put(scale, results);
    report.printf("Live data while indexing, %d× (2 threads, one untimed run each, a full collection "
        + "forced every %d s; the heap in use after each is all live):%n%n", scale, FULL_GC_EVERY);
    report.printf("| engine | peak heap after a full collection MB | full collections |%n|---|--:|--:|%n");
    for (String engine : ENGINES) {
      Map<String, String> r = results.get(engine);
      report.printf("| %s | %s | %s |%n", engine, mb(Long.parseLong(r.get("live"))), r.get("full"));
    }
    report.println();
  }

  /** Live data while indexing at each scale side by side: it must not grow with the corpus. */
  private void liveHeapAcrossScales() {
    report.printf("## Indexing memory as the corpus grows%n%n");
    report.printf("Peak heap after a full collection (forced every %d s), 2 threads, MB; the last "
        + "column, the largest scale's over the smallest's.%n%n", FULL_GC_EVERY);
    List<Integer> measured = List.copyOf(liveHeap.keySet());
    report.printf("| engine | %s | × |%n|---|%s--:|%n",
        String.join(" | ", measured.stream().map(s -> s + "×").toList()), "--:|".repeat(measured.size()));
    for (String engine : ENGINES) {
      List<Long> live = measured.stream().map(s -> Long.parseLong(liveHeap.get(s).get(engine).get("live"))).toList();
      report.printf(Locale.ROOT, "| %s | %s | %.2f |%n", engine,
          String.join(" | ", live.stream().map(Benchmark::mb).toList()), (double) live.getLast() / live.getFirst());
    }
    report.println();
  }

  private void searching(int scale, List<Path> inputs) throws Exception {
    Map<String, List<Map<String, String>>> results = new LinkedHashMap<>();
    for (String engine : ENGINES) {
      ensureIndex(engine, scale, inputs);
    }
    for (int r = 0; r < runs; r++) {
      for (String engine : turn(r)) {
        progress("search scale %d run %d: %s", scale, r + 1, engine);
        List<String> args = List.of(engine, searchedIndex(engine, scale).toString(),
            "orangesum=" + data.resolve("orangesum/queries-dev.tsv"),
            "piaf=" + data.resolve("piaf/queries-dev.tsv"));
        for (Map<String, String> line : child(SearchRun.class, args)) {
          String key = engine + " " + line.get("set") + " " + line.get("k") + " " + line.get("threads");
          results.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
        }
      }
    }
    report.printf("## Search, %d× OrangeSum index (%s)%n%n", scale, depecheIndex != null && scale == 1
        ? "depeche's: " + depecheIndex + ", given with --index; the baseline's built with 2 threads"
        : "built with 2 threads");
    report.printf("depeche's top 10 is the command line's, with snippets; its top 100 and the "
        + "baseline's have none. Latencies in ms. The last column compares depeche's QPS with the "
        + "baseline's top 10 (for depeche's top 10 with snippets) or top 100; the CPU column, the "
        + "baseline's CPU per query over depeche's (higher is cheaper): the whole process's, and the "
        + "search threads' own (without the JIT compiling after the warm-up).%n%n");
    report.printf("| queries | top | threads | depeche QPS | p50 | p95 | p99 | CPU ms/q | baseline QPS | p50 | p95 "
        + "| p99 | CPU ms/q | × baseline QPS | × baseline CPU | × baseline search threads' CPU |%n"
        + "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|%n");
    for (String key : results.keySet()) {
      if (!key.startsWith("depeche ")) {
        continue;
      }
      List<Map<String, String>> d = results.get(key);
      List<Map<String, String>> b = results.get(key.replaceFirst("^depeche", "lucene"));
      Map<String, String> first = d.getFirst();
      report.printf(Locale.ROOT,
          "| %s | %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |%n",
          first.get("set"), first.get("k"), first.get("threads"),
          median(d, "qps"), median(d, "p50"), median(d, "p95"), median(d, "p99"), median(d, "cpu"),
          median(b, "qps"), median(b, "p50"), median(b, "p95"), median(b, "p99"), median(b, "cpu"),
          median(d, "qps") / median(b, "qps"), median(b, "cpu") / median(d, "cpu"),
          median(b, "workers") / median(d, "workers"));
    }
    report.println();
  }

  /** Wall time and peak memory of whole processes answering one query each, from start to exit. */
  private void commandLine() throws Exception {
    List<String> queries = Files.readAllLines(data.resolve("orangesum/queries-dev.tsv")).stream()
        .map(l -> l.substring(l.indexOf('\t') + 1)).limit(CLI_QUERIES).toList();
    for (String engine : ENGINES) {
      ensureIndex(engine, 1, corpus(1));
    }
    Path depecheIndex = searchedIndex("depeche", 1);
    Path luceneIndex = searchedIndex("lucene", 1);
    String java = ProcessHandle.current().info().command().orElseThrow();
    // The first run of the launcher may build the jar or the start-up archive: not measured.
    timed(List.of("./depeche", "search", "--index", depecheIndex.toString(), "warm up"));
    List<double[]> depeche = new ArrayList<>();
    List<double[]> lucene = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      progress("command line run %d", r + 1);
      for (String q : queries) {
        depeche.add(timed(List.of("./depeche", "search", "--index", depecheIndex.toString(), q)));
        List<String> naive = new ArrayList<>(List.of(java, "--add-modules", "jdk.incubator.vector",
            "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
            LuceneBaseline.class.getName(), luceneIndex.toString()));
        naive.add(q);
        lucene.add(timed(naive));
      }
    }
    report.printf("## One search process, cold JVM, 1× OrangeSum index%n%n");
    report.printf("%d headline queries × %d runs, each a new process; wall time from start to exit.%n%n",
        CLI_QUERIES, runs);
    report.printf("| process | wall s (median) | wall s (max) | CPU s (median) | peak RSS MB (median) "
        + "|%n|---|--:|--:|--:|--:|%n");
    row("`./depeche search --index … QUERY` (top 10, snippets)", depeche);
    row("naive bare Lucene: `java … LuceneBaseline INDEX QUERY` (top 10 ids)", lucene);
    report.println();
  }

  private void row(String name, List<double[]> samples) {
    double[] wall = samples.stream().mapToDouble(s -> s[0]).sorted().toArray();
    double[] rss = samples.stream().mapToDouble(s -> s[1]).sorted().toArray();
    double[] cpu = samples.stream().mapToDouble(s -> s[2]).sorted().toArray();
    report.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.2f | %.0f |%n", name, wall[wall.length / 2],
        wall[wall.length - 1], cpu[cpu.length / 2], rss[rss.length / 2] / 1024);
  }

  /** Runs a command under /usr/bin/time; returns its wall seconds, peak RSS in KB and CPU seconds. */
  private double[] timed(List<String> command) throws Exception {
    Path out = work.resolve("time.txt");
    List<String> full = new ArrayList<>(List.of("/usr/bin/time", "-f", "%e %M %U %S", "-o", out.toString()));
    full.addAll(command);
    Process p = new ProcessBuilder(full).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("failed: " + String.join(" ", command));
    }
    String[] fields = Files.readString(out).strip().split(" ");
    return new double[] {Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
        Double.parseDouble(fields[2]) + Double.parseDouble(fields[3])};
  }

  /** Runs {@link IndexRun} for {@code engine}, depeche's with the options of {@code ./depeche index}. */
  private List<Map<String, String>> indexRun(String engine, List<String> args, List<String> jvmOptions)
      throws Exception {
    List<String> options = new ArrayList<>(jvmOptions);
    if (engine.equals("depeche")) {
      options.add("@" + DEPECHE_INDEX_OPTIONS);
    }
    return child(IndexRun.class, args, options);
  }

  /** Runs a measurement class in a fresh JVM; returns its RESULT lines as maps. */
  private List<Map<String, String>> child(Class<?> main, List<String> args) throws Exception {
    return child(main, args, List.of());
  }

  /** Runs a measurement class in a fresh JVM with extra JVM options. */
  private List<Map<String, String>> child(Class<?> main, List<String> args, List<String> jvmOptions)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(JVM_OPTIONS);
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<Map<String, String>> results = new ArrayList<>();
    try (BufferedReader in = p.inputReader(StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("RESULT ")) {
          Map<String, String> fields = new LinkedHashMap<>();
          for (String kv : line.substring(7).split(" ")) {
            fields.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
          }
          results.add(fields);
        }
      }
    }
    if (p.waitFor() != 0 || results.isEmpty()) {
      throw new IllegalStateException(main.getSimpleName() + " failed: " + args);
    }
    return results;
  }

  /** The corpus at a scale: OrangeSum, then copies of it whose ids end in ~1, ~2, … */
  private List<Path> corpus(int scale) throws IOException {
    Path original = data.resolve("orangesum/orangesum.jsonl.gz");
    List<Path> files = new ArrayList<>(List.of(original));
    ObjectMapper json = new ObjectMapper();
    for (int copy = 1; copy < scale; copy++) {
      Path file = work.resolve("orangesum-copy" + copy + ".jsonl.gz");
      if (!Files.exists(file)) {
        progress("writing %s", file);
        Path partial = work.resolve(file.getFileName() + ".partial");
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(original), 1 << 16), StandardCharsets.UTF_8));
            OutputStream out = new GZIPOutputStream(Files.newOutputStream(partial), 1 << 16) {
              {
                def.setLevel(Deflater.BEST_SPEED);
              }
            }) {
          for (String line = in.readLine(); line != null; line = in.readLine()) {
            ObjectNode article = (ObjectNode) json.readTree(line);
            article.put("id", article.get("id").asText() + "~" + copy);
            out.write(json.writeValueAsBytes(article));
            out.write('\n');
          }
        }
        Files.move(partial, file);
      }
      files.add(file);
    }
    return files;
  }

  private static long uncompressedSize(Path gz) throws IOException {
    try (InputStream in = new GZIPInputStream(Files.newInputStream(gz), 1 << 16)) {
      return in.transferTo(OutputStream.nullOutputStream());
    }
  }

  /** The index an engine's searches run on: the one indexing built with 2 threads, or --index's. */
  private Path searchedIndex(String engine, int scale) {
    return engine.equals("depeche") && depecheIndex != null && scale == 1 ? depecheIndex : indexDir(engine, scale, 2);
  }

  /** Builds, unmeasured, an index searches need when no indexing run of this benchmark left one. */
  private void ensureIndex(String engine, int scale, List<Path> inputs) throws Exception {
    Path dir = searchedIndex(engine, scale);
    if (Files.isDirectory(dir)) {
      return;
    }
    progress("building the %s index at %s (not measured)", engine, dir);
    List<String> args = new ArrayList<>(List.of(engine, "2", dir.toString()));
    inputs.forEach(p -> args.add(p.toString()));
    indexRun(engine, args, List.of());
  }

  private Path indexDir(String engine, int scale, int threads) {
    return work.resolve("index-" + engine + "-" + scale + "x-" + threads + "t");
  }

  /** depeche first in even runs, the baseline first in odd ones. */
  private static List<String> turn(int run) {
    return run % 2 == 0 ? ENGINES : ENGINES.reversed();
  }

  private static double median(List<Map<String, String>> results, String field) {
    double[] values = results.stream().mapToDouble(r -> Double.parseDouble(r.get(field))).sorted().toArray();
    int n = values.length;
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
  }

  private static String loadAverage() throws IOException {
    return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
  }

  private static void progress(String format, Object... args) {
    System.err.printf(Locale.ROOT, "bench: " + format + "%n", args);
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
