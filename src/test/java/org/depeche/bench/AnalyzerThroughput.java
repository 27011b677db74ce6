package org.depeche.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.depeche.TextAnalyzer;
import org.depeche.analysis.Analyzers;

/**
 * How fast each analyzer turns news text into tokens, on one thread: the CPU time of the thread
 * only, so that other processes on the machine count for little.
 *
 * <p>{@code java -cp target/test-classes:target/depeche.jar:target/lib/* \
 * org.depeche.bench.AnalyzerThroughput ORANGESUM.jsonl.gz [ARTICLES] [ROUNDS] [ANALYZER...]}
 * reads the text of the first ARTICLES articles (default 5,000), analyzes all of it with each
 * analyzer (default: every one) in turn, ROUNDS times (default 5) after a warm-up round, and
 * prints the median tokens per CPU second of each.
 */
public final class AnalyzerThroughput {
  private AnalyzerThroughput() {}

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args[0]);
    int articles = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    List<TextAnalyzer> choices = args.length > 3
        ? Arrays.stream(args, 3, args.length).map(TextAnalyzer::of).toList()
        : List.of(TextAnalyzer.values());
    List<String> texts = read(data, articles);
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf("%,d articles, %,d characters%n", texts.size(), chars);
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long[][] nanos = new long[choices.size()][rounds];
    long[] tokens = new long[choices.size()];
    for (int round = -1; round < rounds; round++) {
      for (int a = 0; a < choices.size(); a++) {
        try (Analyzer analyzer = Analyzers.create(choices.get(a))) {
          long start = threads.getCurrentThreadCpuTime();
          long count = 0;
          for (String text : texts) {
            count += analyze(analyzer, text);
          }
          if (round >= 0) {
            nanos[a][round] = threads.getCurrentThreadCpuTime() - start;
            tokens[a] = count;
          }
        }
      }
    }
    System.out.println("| analyzer | tokens | CPU s (median) | tokens/s | MB/s |");
    System.out.println("|---|--:|--:|--:|--:|");
    for (int a = 0; a < choices.size(); a++) {
      long[] sorted = nanos[a].clone();
      Arrays.sort(sorted);
      double seconds = sorted[rounds / 2] / 1e9;
      System.out.printf("| %s | %,d | %.2f | %,.0f | %.2f |%n", choices.get(a), tokens[a], seconds,
          tokens[a] / seconds, chars / seconds / 1e6);
    }
  }

  private static long analyze(Analyzer analyzer, String text) throws IOException {
    long count = 0;
    try (TokenStream stream = analyzer.tokenStream("text", text)) {
      stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        count++;
      }
      stream.end();
    }
    return count;
  }

  private static List<String> read(Path data, int articles) throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(data)), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null && texts.size() < articles; line = in.readLine()) {
        texts.add(json.readTree(line).path("text").asText());
      }
    }
    return texts;
  }
}
