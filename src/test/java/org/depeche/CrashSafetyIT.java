package org.depeche;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.depeche.corpus.CorpusReader;
import org.depeche.index.Schema;
import org.depeche.passage.PassageSplitter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety and concurrency with real processes: {@code depeche index} (the jar) is killed with
 * SIGKILL at random moments, ten times; after each kill Lucene's {@link CheckIndex} finds the index
 * clean, every article in it is whole (all its passages, once), nothing committed before is lost,
 * and a second {@code depeche index} completes the index: every article present once and
 * searchable. Meanwhile this JVM (another process) searches the index without a failure, and a
 * second writer started during a run is refused with exit 3.
 *
 * <p>In {@code mvn verify} the corpus is 2,000 articles: 10 copies of the 200 OrangeSum articles
 * of {@code corpus/} (CC BY-SA 4.0, see {@code corpus/README.md}), each given its own id and a
 * marker word. With {@code -Ddepeche.long=true} it is the whole OrangeSum corpus
 * ({@code ../shared/data/orangesum/orangesum.jsonl.gz}, 34,352 articles) cut into files of 1,000
 * articles, killed within the first two minutes of each run.
 */
class CrashSafetyIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int KILLS = 10;
  private static final Path ORANGESUM = Path.of("../shared/data/orangesum/orangesum.jsonl.gz");

  @TempDir Path dir;

  @Test
  void killedIndexingRunsLoseNothingAndTheNextRunCompletesTheIndex() throws Exception {
    boolean full = Boolean.getBoolean("depeche.long");
    Path corpus = Files.createDirectory(dir.resolve("corpus"));
    Path index = dir.resolve("index");
    if (full) {
      assumeTrue(Files.exists(ORANGESUM), ORANGESUM + " is not there");
      writeCopies(List.of(ORANGESUM), 1, 1_000, corpus);
    } else {
      writeCopies(List.of(Path.of("corpus/orangesum-selection.jsonl")), 10, 200, corpus);
    }
    long killWindowMillis = full ? 120_000 : 4_000;
    Map<String, Integer> expected = expectedPassages(corpus);
    long seed = System.nanoTime();
    Random random = new Random(seed);
    String context = "seed " + seed + ", " + expected.size() + " articles";

    Set<String> committed = new HashSet<>();
    try (Searching searching = new Searching(index)) {
      for (int run = 0; run < KILLS; run++) {
        // Run 0 indexes for the first time; --full then makes every killed run read the whole
        // corpus again, so that each kill falls somewhere in a long run.
        List<String> args = new ArrayList<>(List.of("index", "--index", index.toString(), corpus.toString()));
        if (run > 0) {
          args.add("--full");
        }
        Process writer = depeche(dir.resolve("run" + run + ".err"), args.toArray(String[]::new));
        if (run == 0) {
          waitForTheIndex(index, writer, context);
          secondWriterIsRefused(index, corpus);
        }
        long delay = 300 + (long) (random.nextDouble() * killWindowMillis);
        boolean finished = writer.waitFor(delay, TimeUnit.MILLISECONDS);
        writer.destroyForcibly().waitFor();
        String when = context + ", run " + run + (finished ? " finished before its kill at " : " killed at ")
            + delay + " ms";

        Set<String> afterKill = checkWhole(index, expected, when);
        assertTrue(afterKill.containsAll(committed), "articles committed before the kill are lost: " + when);
        committed = afterKill;

        Process rerun = depeche(dir.resolve("rerun" + run + ".err"), "index", "--index", index.toString(),
            corpus.toString());
        assertTrue(rerun.waitFor(full ? 1_800 : 300, TimeUnit.SECONDS), "the rerun did not finish: " + when);
        assertEquals(0, rerun.exitValue(), Files.readString(dir.resolve("rerun" + run + ".err")));
        Set<String> complete = checkWhole(index, expected, when + ", after the rerun");
        assertEquals(expected.keySet(), complete, "every article present after the rerun: " + when);
        committed = complete;
      }
      searchable(index, expected, context);
      assertEquals(null, searching.failure.get(), "a search failed during indexing");
      assertTrue(searching.searches.get() > 0, "searches ran during indexing");
    }
  }

  private static Process depeche(Path err, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
        "-jar", System.getProperty("depeche.jar", "target/depeche.jar")));
    command.addAll(List.of(args));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile())
        .start();
  }

  /** Writes the articles of the sources, copied {@code copies} times, into files of perFile. */
  private static void writeCopies(List<Path> sources, int copies, int perFile, Path corpus) throws IOException {
    List<Article> articles = new ArrayList<>();
    new CorpusReader().read(sources, articles::add, p -> { throw new AssertionError(p.toString()); });
    int n = 0;
    BufferedWriter out = null;
    try {
      for (int copy = 0; copy < copies; copy++) {
        for (Article a : articles) {
          if (n % perFile == 0) {
            if (out != null) {
              out.close();
            }
            out = Files.newBufferedWriter(corpus.resolve(String.format("part-%03d.jsonl", n / perFile)),
                StandardCharsets.UTF_8);
          }
          ObjectNode line = JSON.createObjectNode()
              .put("id", copy + "-" + a.id())
              .put("title", a.title())
              .put("text", String.join("\n\n", a.paragraphs()) + "\n\nMarqueur " + marker(copy + "-" + a.id()) + ".");
          out.write(JSON.writeValueAsString(line));
          out.newLine();
          n++;
        }
      }
    } finally {
      if (out != null) {
        out.close();
      }
    }
  }

  private static String marker(String id) {
    return "zq" + id.replaceAll("[^A-Za-z0-9]", "x");
  }

  /** The number of passages of each article of the corpus, as the indexer cuts them. */
  private static Map<String, Integer> expectedPassages(Path corpus) throws IOException {
    Map<String, Integer> passages = new HashMap<>();
    new CorpusReader().read(List.of(corpus), a -> passages.put(a.id(), PassageSplitter.split(a).size()),
        p -> { throw new AssertionError(p.toString()); });
    return passages;
  }

  /**
   * Checks the last commit with CheckIndex and that each article in it is whole and once; returns
   * the ids of the articles present.
   */
  private static Set<String> checkWhole(Path index, Map<String, Integer> expected, String when) throws IOException {
    Set<String> present = new HashSet<>();
    try (Directory d = FSDirectory.open(index)) {
      ByteArrayOutputStream log = new ByteArrayOutputStream();
      try (CheckIndex check = new CheckIndex(d)) {
        check.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
        CheckIndex.Status status = check.checkIndex();
        assertTrue(status.clean, "CheckIndex: " + when + "\n" + log.toString(StandardCharsets.UTF_8));
      }
      try (DirectoryReader reader = DirectoryReader.open(d)) {
        IndexSearcher searcher = new IndexSearcher(reader);
        for (Map.Entry<String, Integer> e : expected.entrySet()) {
          int docs = searcher.count(new BooleanQuery.Builder()
              .add(new TermQuery(new Term(Schema.ARTICLE_ID, e.getKey())), BooleanClause.Occur.FILTER)
              .add(Schema.passages(), BooleanClause.Occur.FILTER)
              .build());
          if (docs > 0) {
            assertEquals(e.getValue(), docs, "passages of " + e.getKey() + ": " + when);
            present.add(e.getKey());
          }
        }
        assertEquals(present.size(), searcher.count(Schema.articles()), "articles once each: " + when);
      }
    }
    try (DepecheIndex opened = DepecheIndex.open(index)) {
      assertEquals(present.size(), opened.stats().articles(), "the index opens: " + when);
    }
    return present;
  }

  /** Waits until the first run has created the index: it holds the lock from then until it ends. */
  private static void waitForTheIndex(Path index, Process writer, String context) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline && writer.isAlive()) {
      if (DepecheIndex.exists(index)) {
        return;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("the first run created no index while running: " + context);
  }

  /** A second writer gets one line and exit 3; the first goes on (the checks after its kill). */
  private void secondWriterIsRefused(Path index, Path corpus) throws Exception {
    Path err = dir.resolve("second.err");
    Process second = depeche(err, "index", "--index", index.toString(), corpus.toString());
    assertTrue(second.waitFor(60, TimeUnit.SECONDS));
    assertEquals(3, second.exitValue());
    List<String> lines = Files.readAllLines(err).stream().filter(l -> l.startsWith("depeche")).toList();
    assertEquals(List.of("depeche: index " + index + " is being written by another process"), lines);
  }

  /** Every article is found by its own marker word, and by nothing else's. */
  private static void searchable(Path index, Map<String, Integer> expected, String context) {
    SearchOptions options = SearchOptions.defaults().withLimit(2).withSnippets(false);
    try (DepecheIndex opened = DepecheIndex.open(index)) {
      for (String id : expected.keySet()) {
        SearchResults r = opened.search(marker(id), options);
        assertEquals(List.of(id), r.hits().stream().map(PassageHit::articleId).toList(), context);
      }
    }
  }

  /** Searches the index from this process, over and over, while the runs index and commit. */
  private static final class Searching implements AutoCloseable {
    final AtomicReference<Throwable> failure = new AtomicReference<>();
    final AtomicLong searches = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    Searching(Path index) {
      thread = new Thread(() -> {
        DepecheIndex opened = null;
        long articles = 0;
        try {
          while (running.get()) {
            if (opened == null) {
              if (!DepecheIndex.exists(index)) {
                Thread.sleep(50);
                continue;
              }
              opened = DepecheIndex.open(index);
            }
            SearchResults r = opened.search("gouvernement OR Macron");
            long now = opened.stats().articles();
            if (now < articles) {
              throw new AssertionError("a search saw fewer articles than before: " + now + " < " + articles);
            }
            articles = now;
            if (r.totalHits() > 0 && r.hits().isEmpty()) {
              throw new AssertionError("hits counted but not returned");
            }
            searches.incrementAndGet();
            Thread.sleep(50);
          }
        } catch (Throwable t) {
          failure.compareAndSet(null, t);
        } finally {
          if (opened != null) {
            opened.close();
          }
        }
      }, "searching");
      thread.start();
    }

    @Override
    public void close() throws InterruptedException {
      running.set(false);
      thread.join();
    }
  }
}
