package org.depeche;

import java.time.LocalDate;
import java.util.List;

/**
 * One ranked passage of a search, with its article's metadata.
 *
 * <p>Immutable and thread-safe.
 *
 * @param rank its rank, from 1
 * @param score its score; higher is better, comparable only within one search
 * @param passageId {@code <article id>#<n>}
 * @param articleId the id of its article
 * @param passage its number {@code n} in the article, from 0
 * @param title the article's title, or null
 * @param date the article's date, or null
 * @param source the article's source, or null
 * @param url the article's url, or null
 * @param text the passage's whole text
 * @param snippet the passage's text cut around the matches, with the matches marked; null when
 *     snippets were not asked for
 * @param explanation why it got its score; null when explanations were not asked for
 * @param quotes the quotations that open in the passage, in reading order
 */
public record PassageHit(
    int rank,
    float score,
    String passageId,
    String articleId,
    int passage,
    String title,
    LocalDate date,
    String source,
    String url,
    String text,
    Snippet snippet,
    ScoreExplanation explanation,
    List<Quote> quotes) {

  /** Copies the list of quotations. */
  public PassageHit {
    quotes = List.copyOf(quotes);
  }
}
