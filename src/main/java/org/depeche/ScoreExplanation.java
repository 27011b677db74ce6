package org.depeche;

import java.util.List;

/**
 * Why a passage got its score: a tree whose nodes each give a value, what it is, and the values it
 * was computed from.
 *
 * <pre>
 * 1003.97  sum of:
 *   3.97   weight(text:bamako) BM25, computed as boost * idf * tf from: …
 *   1000.0 every word in the passage's own text
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the value of this node
 * @param description what the value is
 * @param details the values it was computed from
 */
public record ScoreExplanation(float value, String description, List<ScoreExplanation> details) {
  public ScoreExplanation {
    details = List.copyOf(details);
  }
}
