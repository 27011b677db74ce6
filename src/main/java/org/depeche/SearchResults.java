package org.depeche;

import java.util.List;

/**
 * The answer to one search: the best passages, best first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param query the query as given
 * @param totalHits how many passages matched in all
 * @param tookMillis how long the search took, snippets included, in milliseconds
 * @param hits the best passages, at most the number asked for
 */
public record SearchResults(String query, long totalHits, long tookMillis, List<PassageHit> hits) {
  public SearchResults {
    hits = List.copyOf(hits);
  }
}
