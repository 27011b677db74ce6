package org.depeche;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The analyzers an index can be built with. The choice is recorded in the index, and searches use
 * the recorded one, so that a query is analyzed as the text was.
 *
 * <pre>{@code
 * DepecheIndex.openForWriting(Path.of("baseline"), TextAnalyzer.LUCENE_FRENCH);
 * TextAnalyzer.of("lucene-french")   // LUCENE_FRENCH
 * }</pre>
 */
public enum TextAnalyzer {
  /** depeche's own chain for French news (the default): {@code FrenchNewsAnalyzer}. */
  DEPECHE("depeche"),
  /**
   * depeche's chain with Lucene's light stemmer instead of lemmas, as it was before lemmas: {@code
   * FrenchNewsAnalyzer.lightStemmed()}.
   */
  DEPECHE_LIGHT("depeche-light"),
  /** Lucene's stock {@code FrenchAnalyzer}, unchanged: the baseline other engines use. */
  LUCENE_FRENCH("lucene-french");

  private final String id;

  TextAnalyzer(String id) {
    this.id = id;
  }

  /** Returns the name users type and the index records: {@code depeche}, {@code lucene-french}. */
  public String id() {
    return id;
  }

  /**
   * Returns the analyzer of this name.
   *
   * @throws IllegalArgumentException when no analyzer has this name
   */
  public static TextAnalyzer of(String id) {
    for (TextAnalyzer a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("unknown analyzer '" + id + "'; expected one of "
        + Arrays.stream(values()).map(TextAnalyzer::id).collect(Collectors.joining(", ")));
  }

  @Override
  public String toString() {
    return id;
  }
}
