package org.depeche.cli;

import org.depeche.Ranking;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The ranking options shared by {@code search} and {@code eval}, to compare settings. */
final class RankingOptions {
  @Option(names = "--article-weight", paramLabel = "W",
      description = "How much of the article's score, its whole text searched as one, is added to "
          + "each of its passages' (default: " + Ranking.DEFAULT_ARTICLE_WEIGHT + "; 0 ranks each passage alone).")
  Float articleWeight;

  @Option(names = "--proximity", paramLabel = "W",
      description = "How much two consecutive words of the query score again when they are near "
          + "each other in the text (default: " + Ranking.DEFAULT_PROXIMITY_WEIGHT + "; 0 for none).")
  Float proximity;

  @Option(names = "--all-words-first", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Put the passages holding every word first (default: on).")
  boolean allWordsFirst;

  @Option(names = "--rescore", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Re-score the best passages with a few lexical features (default: on).")
  boolean rescore;

  /**
   * Returns the ranking these options describe.
   *
   * @throws ParameterException when a weight is negative or not a number
   */
  Ranking ranking(CommandLine commandLine) {
    try {
      Ranking r = Ranking.defaults().withAllWordsFirst(allWordsFirst).withRescore(rescore);
      r = articleWeight == null ? r : r.withArticleWeight(articleWeight);
      return proximity == null ? r : r.withProximityWeight(proximity);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(commandLine, e.getMessage());
    }
  }
}
