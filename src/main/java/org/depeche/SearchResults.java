package org.depeche;

import java.util.List;

/**
 * The answer to one search: the best passages, best first.
 *
 * <p>Immutable and thread-safe.
 *
 * @param query the query as given
 * @param totalHits how many passages matched in all, counted exactly up to {@link
 *     #TOTAL_HITS_COUNTED}; above it, at least this many (see {@link #totalHitsExact()})
 * @param tookMillis how long the search took, snippets included, in milliseconds
 * @param hits the best passages, at most the number asked for
 */
public record SearchResults(String query, long totalHits, long tookMillis, List<PassageHit> hits) {
  /**
   * Matches are counted exactly up to this many. Past it the search stops counting and skips the
   * passages that cannot enter the top hits, which makes a common-word search several times faster.
   */
  public static final int TOTAL_HITS_COUNTED = 1000;

  public SearchResults {
    hits = List.copyOf(hits);
  }

  /**
   * Returns whether {@link #totalHits()} is the exact number of matches; when not, it is a lower
   * bound: a search matching 40,000 passages may say 1,001.
   */
  public boolean totalHitsExact() {
    return totalHits <= TOTAL_HITS_COUNTED;
  }
}
