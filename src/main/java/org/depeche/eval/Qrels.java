package org.depeche.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.depeche.DepecheException;

/**
 * Relevance judgments in TREC format, one {@code qid 0 docid relevance} a line.
 *
 * <pre>{@code
 * q1 0 mali-2022 1      → q1 judges mali-2022 relevant (grade 1)
 * q1 0 cop27 0          → and cop27 not relevant
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param judgments for each query id, in file order, the grade of each judged document id
 */
public record Qrels(Map<String, Map<String, Integer>> judgments) {

  public Qrels {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    judgments.forEach((qid, docs) -> copy.put(qid, Map.copyOf(docs)));
    judgments = Collections.unmodifiableMap(copy);
  }

  /**
   * Reads a qrels file.
   *
   * @throws DepecheException when the file cannot be read or a line is not {@code qid 0 docid grade}
   */
  public static Qrels read(Path file) {
    Map<String, Map<String, Integer>> judgments = new LinkedHashMap<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        String[] f = line.strip().split("\\s+");
        int grade;
        try {
          grade = f.length == 4 ? Integer.parseInt(f[3]) : Integer.MIN_VALUE;
        } catch (NumberFormatException e) {
          grade = Integer.MIN_VALUE;
        }
        if (grade == Integer.MIN_VALUE) {
          throw new DepecheException(file + ":" + number + ": expected 'qid 0 docid relevance'");
        }
        judgments.computeIfAbsent(f[0], k -> new LinkedHashMap<>()).put(f[2], grade);
      }
    } catch (IOException e) {
      throw new DepecheException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new Qrels(judgments);
  }

  /** Returns the number of documents judged relevant (grade above 0) for a query. */
  public int relevantCount(String qid) {
    return (int) judgments.getOrDefault(qid, Map.of()).values().stream().filter(g -> g > 0).count();
  }
}
