package org.depeche.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * MRR@10 at article level, as ../shared/data/README.md defines it: a passage {@code <article>#<n>}
 * counts for its article, each article once, at the rank of its best passage; a judged query with
 * no relevant article in the first ten counts 0.
 */
public final class ArticleMrr {
  private ArticleMrr() {}

  /** Returns MRR@10 of a TREC run (lines {@code qid Q0 docid rank score tag}) against qrels. */
  public static double mrrAt10(List<String> runLines, Path qrels) throws IOException {
    Map<String, Set<String>> relevant = new HashMap<>();
    for (String line : Files.readAllLines(qrels)) {
      String[] f = line.trim().split("\\s+");
      if (f.length == 4 && Integer.parseInt(f[3]) > 0) {
        relevant.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[2]);
      }
    }
    Map<String, List<String[]>> byQuery = new HashMap<>();
    for (String line : runLines) {
      String[] f = line.trim().split("\\s+");
      byQuery.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
    }
    double sum = 0;
    for (Map.Entry<String, Set<String>> e : relevant.entrySet()) {
      List<String[]> rows = new ArrayList<>(byQuery.getOrDefault(e.getKey(), List.of()));
      rows.sort((a, b) -> Integer.compare(Integer.parseInt(a[3]), Integer.parseInt(b[3])));
      Set<String> articles = new LinkedHashSet<>();
      for (String[] r : rows) {
        int hash = r[2].lastIndexOf('#');
        articles.add(hash < 0 ? r[2] : r[2].substring(0, hash));
      }
      int rank = 0;
      for (String article : articles) {
        if (++rank > 10) {
          break;
        }
        if (e.getValue().contains(article)) {
          sum += 1.0 / rank;
          break;
        }
      }
    }
    return sum / relevant.size();
  }
}
