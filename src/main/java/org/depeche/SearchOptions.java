package org.depeche;

/**
 * How to search: how many passages to return, whether to make snippets, and whose quotations the
 * passages must hold.
 *
 * <pre>{@code
 * SearchOptions top100 = SearchOptions.defaults().withLimit(100).withSnippets(false);
 * SearchOptions heappey = SearchOptions.defaults().withSpeaker("Heappey");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param limit the most passages to return, at least 1 ({@link #DEFAULT_LIMIT} by default)
 * @param snippets whether to make a highlighted snippet for each hit (yes by default)
 * @param speaker when not null, only passages quoting this person are found: a full name or part
 *     of it ({@code "Heappey"} finds James Heappey), accents and case aside (null by default)
 */
public record SearchOptions(int limit, boolean snippets, String speaker) {
  /** The number of passages returned by default. */
  public static final int DEFAULT_LIMIT = 10;

  /** The largest number of passages one search returns. */
  public static final int MAX_LIMIT = 10_000;

  /** Validates the options. */
  public SearchOptions {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
  }

  /** Returns the defaults: {@value #DEFAULT_LIMIT} passages, with snippets, any speaker or none. */
  public static SearchOptions defaults() {
    return new SearchOptions(DEFAULT_LIMIT, true, null);
  }

  /** Returns these options with another limit. */
  public SearchOptions withLimit(int limit) {
    return new SearchOptions(limit, snippets, speaker);
  }

  /** Returns these options with snippets on or off. */
  public SearchOptions withSnippets(boolean snippets) {
    return new SearchOptions(limit, snippets, speaker);
  }

  /** Returns these options finding only passages that quote {@code speaker} (null: any passage). */
  public SearchOptions withSpeaker(String speaker) {
    return new SearchOptions(limit, snippets, speaker);
  }
}
