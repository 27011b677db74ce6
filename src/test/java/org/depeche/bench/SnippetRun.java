package org.depeche.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.depeche.Snippet;
import org.depeche.TextAnalyzer;
import org.depeche.index.PassageRecord;
import org.depeche.index.Schema;
import org.depeche.search.QueryCompiler;
import org.depeche.search.QueryParser;
import org.depeche.search.SnippetMaker;

/**
 * The snippets of the two paths of {@link SnippetMaker}, in a process of its own: {@code SnippetRun
 * INDEX_DIR QUERIES.tsv...} takes the top 10 passages of each query (a plain top 10 of the compiled
 * query, without the article context) of an index made with the analyzer named by the system
 * property {@code analyzer} ({@code depeche} by default; {@code -Danalyzer=depeche-light} or {@code
 * lucene-french} for the others, whose snippets take the re-analysis), checks that {@link
 * SnippetMaker#snippets} (the index's positions) gives each passage the snippet of {@link
 * SnippetMaker#snippet} (its re-analysis), and prints {@code RESULT queries=… snippets=… differ=…},
 * then the CPU microseconds per snippet of each path: on a new thread each (an empty lemma cache),
 * then four rounds taking turns on the main thread (its lemma cache filled by the comparison).
 */
final class SnippetRun {
  private record Shown(int[] docs, List<String> texts, Set<String> terms) {}

  private SnippetRun() {}

  public static void main(String[] args) throws Exception {
    Analyzer analyzer = Schema.analyzer(TextAnalyzer.of(System.getProperty("analyzer", "depeche")));
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      List<Shown> shown = new ArrayList<>();
      int snippets = 0;
      for (int a = 1; a < args.length; a++) {
        for (String line : Files.readAllLines(Path.of(args[a]), StandardCharsets.UTF_8)) {
          String query = line.substring(line.indexOf('\t') + 1).strip();
          QueryCompiler.Compiled compiled;
          try {
            compiled = QueryCompiler.compile(QueryParser.parse(query), analyzer, reader, true, 0);
          } catch (RuntimeException malformedOrTooLong) {
            continue;
          }
          if (compiled.query() == null) {
            continue;
          }
          TopDocs top = searcher.search(compiled.query(), 10);
          int[] docs = Arrays.stream(top.scoreDocs).mapToInt(sd -> sd.doc).toArray();
          List<String> texts = Arrays.stream(PassageRecord.read(reader, docs)).map(PassageRecord::text).toList();
          shown.add(new Shown(docs, texts, compiled.highlightTerms()));
          snippets += docs.length;
        }
      }
      int differ = 0;
      for (Shown s : shown) {
        List<Snippet> indexed = SnippetMaker.snippets(reader, s.docs(), s.texts(), s.terms(), analyzer,
            SnippetMaker.DEFAULT_MAX_CHARS);
        for (int i = 0; i < s.docs().length; i++) {
          Snippet analyzed = SnippetMaker.snippet(s.texts().get(i), s.terms(), analyzer, SnippetMaker.DEFAULT_MAX_CHARS);
          if (!analyzed.equals(indexed.get(i))) {
            differ++;
            System.out.println("DIFFER " + analyzed.toHtml() + "\n   GOT " + indexed.get(i).toHtml());
          }
        }
      }
      System.out.printf(Locale.ROOT, "RESULT queries=%d snippets=%d differ=%d%n", shown.size(), snippets, differ);
      ThreadMXBean threads = ManagementFactory.getThreadMXBean();
      int count = snippets;
      for (boolean fromIndex : new boolean[] {false, true}) {
        // A new thread: a lemma cache of its own, empty, as each of SearchRun's runs and each
        // command-line search start with.
        double[] micros = new double[1];
        Thread fresh = Thread.ofPlatform().start(() -> {
          long started = threads.getCurrentThreadCpuTime();
          for (Shown s : shown) {
            if (fromIndex) {
              SnippetMaker.snippets(reader, s.docs(), s.texts(), s.terms(), analyzer, SnippetMaker.DEFAULT_MAX_CHARS);
            } else {
              for (String text : s.texts()) {
                SnippetMaker.snippet(text, s.terms(), analyzer, SnippetMaker.DEFAULT_MAX_CHARS);
              }
            }
          }
          micros[0] = (threads.getCurrentThreadCpuTime() - started) / 1e3 / count;
        });
        fresh.join();
        System.out.printf(Locale.ROOT, "NEW THREAD %s=%.2f (CPU us per snippet)%n", fromIndex ? "indexed" : "analyzed",
            micros[0]);
      }
      for (int round = 1; round <= 4; round++) {
        long started = threads.getCurrentThreadCpuTime();
        for (Shown s : shown) {
          for (String text : s.texts()) {
            SnippetMaker.snippet(text, s.terms(), analyzer, SnippetMaker.DEFAULT_MAX_CHARS);
          }
        }
        long analyzed = threads.getCurrentThreadCpuTime() - started;
        started = threads.getCurrentThreadCpuTime();
        for (Shown s : shown) {
          SnippetMaker.snippets(reader, s.docs(), s.texts(), s.terms(), analyzer, SnippetMaker.DEFAULT_MAX_CHARS);
        }
        long indexed = threads.getCurrentThreadCpuTime() - started;
        System.out.printf(Locale.ROOT, "ROUND %d analyzed=%.2f indexed=%.2f (CPU us per snippet)%n", round,
            analyzed / 1e3 / snippets, indexed / 1e3 / snippets);
      }
    }
  }
}
