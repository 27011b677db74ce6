package org.depeche.cli;

import org.depeche.Ranking;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The ranking options shared by {@code search} and {@code eval}, to compare settings. Declared
 * with picocli's programmatic API, as {@code search} is (see {@link SearchCommand#spec()}).
 */
final class RankingOptions {
  private RankingOptions() {}

  /** Adds {@code --article-weight}, {@code --proximity}, {@code --[no-]all-words-first} and {@code --[no-]rescore} to {@code spec}. */
  static void addTo(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("--article-weight").paramLabel("W").type(Float.class)
        .description("How much of the article's score, its whole text searched as one, is added to "
            + "each of its passages' (default: " + Ranking.DEFAULT_ARTICLE_WEIGHT + "; 0 ranks each passage alone).")
        .build());
    spec.addOption(OptionSpec.builder("--proximity").paramLabel("W").type(Float.class)
        .description("How much two consecutive words of the query add to their article's score when "
            + "they are near each other in its text (default: " + Ranking.DEFAULT_PROXIMITY_WEIGHT + "; 0 for none).")
        .build());
    spec.addOption(OptionSpec.builder("--all-words-first").type(boolean.class).negatable(true)
        .defaultValue("true").fallbackValue("true")
        .description("Put the passages holding every word first (default: on).")
        .build());
    spec.addOption(OptionSpec.builder("--rescore").type(boolean.class).negatable(true)
        .defaultValue("true").fallbackValue("true")
        .description("Re-score the best passages with a few lexical features (default: on).")
        .build());
  }

  /**
   * Returns the ranking the options {@link #addTo added to} {@code spec} describe, once parsed.
   *
   * @throws ParameterException when a weight is negative or not a number
   */
  static Ranking ranking(CommandSpec spec) {
    Float articleWeight = spec.findOption("--article-weight").getValue();
    Float proximity = spec.findOption("--proximity").getValue();
    boolean allWordsFirst = spec.findOption("--all-words-first").getValue();
    boolean rescore = spec.findOption("--rescore").getValue();
    try {
      Ranking r = Ranking.defaults().withAllWordsFirst(allWordsFirst).withRescore(rescore);
      r = articleWeight == null ? r : r.withArticleWeight(articleWeight);
      return proximity == null ? r : r.withProximityWeight(proximity);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }
}
