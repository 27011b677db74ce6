package org.depeche.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.lucene.analysis.Analyzer;

/** Assertions on analyzer output, after Lucene's {@code BaseTokenStreamTestCase}. */
final class AnalysisAssertions {
  private AnalysisAssertions() {}

  /**
   * Shows tokens one position after another: terms at the same position joined by {@code |}, a
   * position without a term (a removed stop word) as {@code _}.
   *
   * <p>{@code "Le Royaume-Uni"} → {@code "_ royaumeuni|royaum uni"}.
   */
  static String render(List<Token> tokens) {
    List<List<String>> positions = new ArrayList<>();
    for (Token token : tokens) {
      while (positions.size() <= token.position()) {
        positions.add(new ArrayList<>());
      }
      positions.get(token.position()).add(token.term());
    }
    return positions.stream()
        .map(terms -> terms.isEmpty() ? "_" : String.join("|", terms))
        .collect(Collectors.joining(" "));
  }

  /** Asserts that {@code text} gives {@code expected}, written as {@link #render} writes it. */
  static void assertAnalyzesTo(Analyzer analyzer, String text, String expected) {
    assertEquals(expected, render(Analysis.tokens(analyzer, text)), () -> "analysis of «" + text + "»");
  }
}
