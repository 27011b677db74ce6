package org.depeche;

/**
 * How passages are ranked; {@link #defaults()} is the best setting measured (see the README's
 * Ranking section), the others are there to compare against it.
 *
 * <pre>{@code
 * Ranking passageOnly = Ranking.defaults().withArticleWeight(0);
 * index.search("Dijon trafic de drogue", SearchOptions.defaults().withRanking(passageOnly));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleWeight how much of the article's score, its whole text searched as one, is added to
 *     the score of each of its passages: 0 ranks each passage alone, a large weight ranks articles
 *     and shows each one's best passage ({@value #DEFAULT_ARTICLE_WEIGHT} by default)
 * @param allWordsFirst whether passages holding every word of the query in their own text come
 *     before the others (yes by default)
 * @param proximityWeight how much two words that follow each other in the query add to their
 *     article's score when they are within a few words of each other in its text, as a share of
 *     their BM25 score as a phrase ({@value #DEFAULT_PROXIMITY_WEIGHT} by default; 0 for none);
 *     passages are not scored for it, so it changes nothing at an article weight of 0
 * @param rescore whether the best passages, ranked in their article's context (an article weight
 *     above 0), are re-scored with a few lexical features and weights learned on the dev queries
 *     (yes by default; see {@code org.depeche.search.Rescorer} and the README's Ranking section)
 */
public record Ranking(float articleWeight, boolean allWordsFirst, float proximityWeight, boolean rescore) {
  /**
   * The default {@link #articleWeight()}: the article's score leads, its passages' own scores order
   * them and break ties. With proximity 0.3, article-level MRR@10 on the OrangeSum headlines, where
   * the article is what the headline sums up: 0.756 at weight 2, 0.766 at 10, 0.767 at 1000
   * (articles ranked alone); on the PIAF questions, whose articles are single paragraphs: 0.778 at
   * 2 and at 10 (docs/relevance.md).
   */
  public static final float DEFAULT_ARTICLE_WEIGHT = 10f;

  /** The default {@link #proximityWeight()}. */
  public static final float DEFAULT_PROXIMITY_WEIGHT = 0.3f;

  /** Validates the ranking. */
  public Ranking {
    check("article weight", articleWeight);
    check("proximity weight", proximityWeight);
  }

  private static void check(String name, float weight) {
    if (!(weight >= 0) || Float.isInfinite(weight)) {
      throw new IllegalArgumentException(name + " must be a number, 0 or more, not " + weight);
    }
  }

  /** Returns the default ranking. */
  public static Ranking defaults() {
    return new Ranking(DEFAULT_ARTICLE_WEIGHT, true, DEFAULT_PROXIMITY_WEIGHT, true);
  }

  /** Returns this ranking with another article weight. */
  public Ranking withArticleWeight(float articleWeight) {
    return new Ranking(articleWeight, allWordsFirst, proximityWeight, rescore);
  }

  /** Returns this ranking with all-words-first on or off. */
  public Ranking withAllWordsFirst(boolean allWordsFirst) {
    return new Ranking(articleWeight, allWordsFirst, proximityWeight, rescore);
  }

  /** Returns this ranking with another proximity weight. */
  public Ranking withProximityWeight(float proximityWeight) {
    return new Ranking(articleWeight, allWordsFirst, proximityWeight, rescore);
  }

  /** Returns this ranking with re-scoring on or off. */
  public Ranking withRescore(boolean rescore) {
    return new Ranking(articleWeight, allWordsFirst, proximityWeight, rescore);
  }
}
