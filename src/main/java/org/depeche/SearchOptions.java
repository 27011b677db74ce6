package org.depeche;

import java.util.Objects;

/**
 * How to search: how many passages to return, whether to make snippets, and how to rank.
 *
 * <pre>{@code
 * SearchOptions top100 = SearchOptions.defaults().withLimit(100).withSnippets(false);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param limit the most passages to return, at least 1 ({@link #DEFAULT_LIMIT} by default)
 * @param snippets whether to make a highlighted snippet for each hit (yes by default)
 * @param ranking how to rank ({@link Ranking#defaults()} by default)
 */
public record SearchOptions(int limit, boolean snippets, Ranking ranking) {
  /** The number of passages returned by default. */
  public static final int DEFAULT_LIMIT = 10;

  /** The largest number of passages one search returns. */
  public static final int MAX_LIMIT = 10_000;

  /** Validates the options. */
  public SearchOptions {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    Objects.requireNonNull(ranking, "ranking");
  }

  /** Returns the defaults: {@value #DEFAULT_LIMIT} passages, with snippets, the default ranking. */
  public static SearchOptions defaults() {
    return new SearchOptions(DEFAULT_LIMIT, true, Ranking.defaults());
  }

  /** Returns these options with another limit. */
  public SearchOptions withLimit(int limit) {
    return new SearchOptions(limit, snippets, ranking);
  }

  /** Returns these options with snippets on or off. */
  public SearchOptions withSnippets(boolean snippets) {
    return new SearchOptions(limit, snippets, ranking);
  }

  /** Returns these options with another ranking. */
  public SearchOptions withRanking(Ranking ranking) {
    return new SearchOptions(limit, snippets, ranking);
  }
}
