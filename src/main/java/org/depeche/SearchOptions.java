package org.depeche;

import java.time.LocalDate;
import java.util.Set;
import org.depeche.search.Synonyms;

/**
 * How to search: how many results, which articles, in which order and ranking, grouped or not, and
 * what to add to the results.
 *
 * <pre>{@code
 * SearchOptions lastYearAfp = SearchOptions.defaults()
 *     .withDates(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31))
 *     .withSources(Set.of("AFP"))
 *     .withSort(SearchOptions.Sort.NEWEST_FIRST)
 *     .withPerArticle(1)
 *     .withFacets(true);
 * }</pre>
 *
 * <p>A filter on dates leaves out the articles without a date; without one, they are kept, and a
 * date sort puts them last. Sources and categories are compared without case or accents ({@code
 * "afp"} selects {@code AFP}); several of one kind select any of them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param limit the most results to return, at least 1 ({@link #DEFAULT_LIMIT} by default): passages,
 *     or articles when {@code perArticle} is above 0
 * @param snippets whether to make a highlighted snippet for each hit (yes by default)
 * @param from the first day of the articles to keep, or null for no lower bound (the default)
 * @param to the last day of the articles to keep, or null for no upper bound (the default)
 * @param sources the sources to keep, any of them; empty for all (the default)
 * @param categories the categories to keep, any of them; empty for all (the default)
 * @param sort the order of the results ({@link Sort#RELEVANCE} by default)
 * @param perArticle 0 to list passages (the default); N above 0 to list articles, ranked by their
 *     best passage, each with its best N passages
 * @param facets whether to count the matching articles by source, category, year and month (no
 *     by default)
 * @param synonyms the equivalences a query is expanded with ({@link Synonyms#defaults()} by
 *     default)
 * @param explain whether to explain each hit's score (no by default)
 * @param speaker when not null, only passages quoting this person are found: a full name or part
 *     of it ({@code "Heappey"} finds James Heappey), accents and case aside (null by default)
 * @param ranking how to rank by relevance ({@link Ranking#defaults()} by default)
 * @param suggest whether to look for a spelling suggestion when the results leave room for one (yes
 *     by default; see {@link SearchResults#suggestion()})
 */
public record SearchOptions(
    int limit,
    boolean snippets,
    LocalDate from,
    LocalDate to,
    Set<String> sources,
    Set<String> categories,
    Sort sort,
    int perArticle,
    boolean facets,
    Synonyms synonyms,
    boolean explain,
    String speaker,
    Ranking ranking,
    boolean suggest) {
  /** The number of results returned by default. */
  public static final int DEFAULT_LIMIT = 10;

  /** The largest number of results one search returns. */
  public static final int MAX_LIMIT = 10_000;

  /** The most passages shown per article when grouping. */
  public static final int MAX_PER_ARTICLE = 100;

  /** The order of the results. */
  public enum Sort {
    /** Best score first. */
    RELEVANCE,
    /** Oldest first, articles without a date last; equal dates by score. */
    OLDEST_FIRST,
    /** Newest first, articles without a date last; equal dates by score. */
    NEWEST_FIRST
  }

  /** Validates the options. */
  public SearchOptions {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", not " + limit);
    }
    if (perArticle < 0 || perArticle > MAX_PER_ARTICLE) {
      throw new IllegalArgumentException(
          "passages per article must be between 0 and " + MAX_PER_ARTICLE + ", not " + perArticle);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw new IllegalArgumentException("the first day " + from + " is after the last day " + to);
    }
    sources = Set.copyOf(sources);
    categories = Set.copyOf(categories);
    if (sort == null || synonyms == null || ranking == null) {
      throw new NullPointerException("sort, synonyms and ranking must not be null");
    }
  }

  /**
   * Returns the defaults: {@value #DEFAULT_LIMIT} passages by relevance with the default ranking,
   * with snippets, the default synonyms and spelling suggestions, no filter, no grouping, no facets,
   * no explanation.
   */
  public static SearchOptions defaults() {
    return new SearchOptions(DEFAULT_LIMIT, true, null, null, Set.of(), Set.of(), Sort.RELEVANCE, 0,
        false, Synonyms.defaults(), false, null, Ranking.defaults(), true);
  }

  /** Returns these options with another limit. */
  public SearchOptions withLimit(int limit) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with snippets on or off. */
  public SearchOptions withSnippets(boolean snippets) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options keeping the articles dated from {@code from} to {@code to}, inclusive; null for no bound. */
  public SearchOptions withDates(LocalDate from, LocalDate to) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options keeping the articles of any of these sources; empty for all. */
  public SearchOptions withSources(Set<String> sources) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options keeping the articles of any of these categories; empty for all. */
  public SearchOptions withCategories(Set<String> categories) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with another order. */
  public SearchOptions withSort(Sort sort) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options listing articles with at most N passages each, or passages for 0. */
  public SearchOptions withPerArticle(int perArticle) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with facet counts on or off. */
  public SearchOptions withFacets(boolean facets) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with other synonyms ({@link Synonyms#none()} for none). */
  public SearchOptions withSynonyms(Synonyms synonyms) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with score explanations on or off. */
  public SearchOptions withExplain(boolean explain) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options finding only passages that quote this person; null for any. */
  public SearchOptions withSpeaker(String speaker) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with another ranking. */
  public SearchOptions withRanking(Ranking ranking) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }

  /** Returns these options with spelling suggestions looked for or not. */
  public SearchOptions withSuggestion(boolean suggest) {
    return new SearchOptions(limit, snippets, from, to, sources, categories, sort, perArticle, facets,
        synonyms, explain, speaker, ranking, suggest);
  }
}
