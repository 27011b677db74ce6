package org.depeche;

import java.util.List;

/**
 * The answer to one search: the best passages, best first; grouped by article when asked; with
 * facet counts and a spelling suggestion when there are some.
 *
 * <p>Immutable and thread-safe.
 *
 * @param query the query as given
 * @param totalHits how many passages matched in all, counted exactly up to {@link
 *     #TOTAL_HITS_COUNTED}; above it, at least this many (see {@link #totalHitsExact()})
 * @param tookMillis how long the search took, snippets included, in milliseconds
 * @param hits the passages shown, in order: the best ones, or those of {@code articles} one article
 *     after the other
 * @param articles the best articles when {@link SearchOptions#perArticle()} is above 0, else empty
 * @param facets the matching articles counted by source, category, year and month when {@link
 *     SearchOptions#facets()} is on, else empty
 * @param suggestion the query with its misspelled or rare words replaced by words of the index
 *     ({@code Heapey} → {@code Heappey}), or null when there is none; looked for only when the
 *     results leave room for one: fewer than {@value #FEW_RESULTS} passages match, or the query
 *     has two or more words and no passage found holds all of them (and never when {@link
 *     SearchOptions#suggest()} is off)
 */
public record SearchResults(
    String query,
    long totalHits,
    long tookMillis,
    List<PassageHit> hits,
    List<ArticleHit> articles,
    List<Facet> facets,
    String suggestion) {
  /** Below this many matching passages, a search looks for a spelling suggestion. */
  public static final int FEW_RESULTS = 10;

  /**
   * Matches are counted exactly up to this many. Past it the search stops counting and skips the
   * passages that cannot enter the top hits, which makes a common-word search several times faster.
   * Searches grouped by article or sorted by date count them all.
   */
  public static final int TOTAL_HITS_COUNTED = 1000;

  public SearchResults {
    hits = List.copyOf(hits);
    articles = List.copyOf(articles);
    facets = List.copyOf(facets);
  }

  /**
   * Returns whether {@link #totalHits()} is the exact number of matches; when not, it is a lower
   * bound: a search matching 40,000 passages may say 1,001.
   */
  public boolean totalHitsExact() {
    return totalHits <= TOTAL_HITS_COUNTED;
  }
}
