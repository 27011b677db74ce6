package org.depeche;

import java.util.List;

/**
 * The answer to one search: the best passages, best first; grouped by article when asked; with
 * facet counts and a spelling suggestion when there are some.
 *
 * <p>Immutable and thread-safe.
 *
 * @param query the query as given
 * @param totalHits how many passages matched in all
 * @param tookMillis how long the search took, snippets included, in milliseconds
 * @param hits the passages shown, in order: the best ones, or those of {@code articles} one article
 *     after the other
 * @param articles the best articles when {@link SearchOptions#perArticle()} is above 0, else empty
 * @param facets the matching articles counted by source, category, year and month when {@link
 *     SearchOptions#facets()} is on, else empty
 * @param suggestion the query with its misspelled or rare words replaced by words of the index
 *     ({@code Heapey} → {@code Heappey}), or null when there is none
 */
public record SearchResults(
    String query,
    long totalHits,
    long tookMillis,
    List<PassageHit> hits,
    List<ArticleHit> articles,
    List<Facet> facets,
    String suggestion) {
  public SearchResults {
    hits = List.copyOf(hits);
    articles = List.copyOf(articles);
    facets = List.copyOf(facets);
  }
}
