package org.depeche.search;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import org.depeche.DepecheIndex;

/**
 * The spell checks' cost on hostile queries (docs/performance.md, long18): queries of 20 long words
 * that no passage holds, in scripts with many distinct letters (Hangul, Thai, Arabic, Cyrillic),
 * Latin strings, URLs, runs of digits, ideographs and emoji. Each kind's three queries are searched
 * with the default options (top 10, snippets, the correction and the suggestion) after a warm-up
 * of other words of every kind (20 rounds of short ones, then one query of long ones); prints, per query, the searching thread's CPU in ms and the
 * automata {@link ClosestTerm} built for it, then the worst query.
 *
 * <p>The words are random but fixed (a seed per kind and query), so two builds see the same queries.
 *
 * <p>Usage: {@code LongWordsRun INDEX}
 */
public final class LongWordsRun {
  private LongWordsRun() {}

  /** A kind of hostile word: its name, its length range in code points, its letters. */
  private record Kind(String name, int minLength, int maxLength, IntUnaryOperator letter, int letters) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("hangul-long", 200, 254, i -> 0xAC00 + i, 11_172),
      new Kind("hangul-short", 8, 20, i -> 0xAC00 + i, 11_172),
      new Kind("thai-long", 200, 254, i -> 0x0E01 + i, 46),
      new Kind("arabic-long", 200, 254, i -> i < 26 ? 0x0621 + i : 0x0641 + i - 26, 36),
      new Kind("cyrillic-long", 200, 254, i -> 0x0430 + i, 32),
      new Kind("greek-40", 40, 40, i -> 0x03B1 + i, 25),
      new Kind("latin-40", 40, 40, i -> 'a' + i, 26),
      new Kind("latin-long", 200, 254, i -> 'a' + i, 26),
      new Kind("accented-long", 200, 254, i -> "abcdefghijklmnopqrstuvwxyzéèêàçùôîïëüœ".codePointAt(i), 38),
      new Kind("digits-40", 40, 40, i -> '0' + i, 10),
      new Kind("digits-long", 200, 254, i -> '0' + i, 10),
      new Kind("cjk", 4, 10, i -> 0x4E00 + i, 20_992),
      new Kind("emoji", 4, 8, i -> 0x1F600 + i, 80));

  public static void main(String[] args) throws Exception {
    ThreadMXBean bean = ManagementFactory.getThreadMXBean();
    try (DepecheIndex index = DepecheIndex.open(Path.of(args[0]))) {
      // The warm-up: 20 rounds of short words of every kind (cheap to check in any build), then one
      // query of each kind, so that the measured queries run compiled code.
      for (int round = 0; round < 20; round++) {
        for (Kind kind : KINDS) {
          index.search(query(new Kind(kind.name(), 4, 8, kind.letter(), kind.letters()), 2_000 + round));
        }
      }
      for (Kind kind : KINDS) {
        index.search(query(kind, 1_000));
        index.search(url(1_000));
      }
      double worst = 0;
      String worstName = "";
      List<Kind> kinds = new ArrayList<>(KINDS);
      kinds.add(null);
      for (Kind kind : kinds) {
        String name = kind == null ? "urls" : kind.name();
        StringBuilder line = new StringBuilder(String.format("%-14s", name));
        for (int q = 0; q < 3; q++) {
          String query = kind == null ? url(q) : query(kind, q);
          long automata = ClosestTerm.automataBuilt();
          long cpu = bean.getCurrentThreadCpuTime();
          index.search(query);
          double ms = (bean.getCurrentThreadCpuTime() - cpu) / 1e6;
          line.append(String.format(" %9.1f ms (%3d automata)", ms, ClosestTerm.automataBuilt() - automata));
          if (ms > worst) {
            worst = ms;
            worstName = name;
          }
        }
        System.out.println(line);
      }
      System.out.printf("worst: %.1f ms (%s)%n", worst, worstName);
    }
  }

  private static String query(Kind kind, int seed) {
    Random random = new Random(kind.name().hashCode() * 31L + seed);
    StringBuilder query = new StringBuilder();
    for (int w = 0; w < 20; w++) {
      int length = kind.minLength() + random.nextInt(kind.maxLength() - kind.minLength() + 1);
      if (w > 0) {
        query.append(' ');
      }
      for (int i = 0; i < length; i++) {
        query.appendCodePoint(kind.letter().applyAsInt(random.nextInt(kind.letters())));
      }
    }
    return query.toString();
  }

  /** Five long URLs of random letters and digits: the tokenizer cuts them into long words. */
  private static String url(int seed) {
    Random random = new Random(7_919L * seed + 18);
    StringBuilder query = new StringBuilder();
    for (int u = 0; u < 5; u++) {
      query.append(u > 0 ? " " : "").append("https://www.").append(letters(random, 30)).append(".com/")
          .append(letters(random, 20)).append('/').append(letters(random, 40)).append("?id=")
          .append(random.nextLong(1L << 62)).append("&ref=").append(letters(random, 25));
    }
    return query.toString();
  }

  private static String letters(Random random, int n) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < n; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}
