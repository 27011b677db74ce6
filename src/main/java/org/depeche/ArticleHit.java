package org.depeche;

import java.time.LocalDate;
import java.util.List;

/**
 * One ranked article of a search grouped by article: its best passages and how many matched.
 *
 * <p>An article whose passages 3, 7 and 12 match, shown one passage per article, is an {@code
 * ArticleHit} with {@code passages} = [its best passage] and {@code matchingPassages} = 3, which
 * the command line shows as "+2 more passages".
 *
 * <p>Immutable and thread-safe.
 *
 * @param rank its rank, from 1
 * @param score the score of its best passage
 * @param articleId its id
 * @param title its title, or null
 * @param date its date, or null
 * @param source its source, or null
 * @param url its url, or null
 * @param matchingPassages how many of its passages match the query
 * @param passages its best matching passages, best first (in the search's order)
 */
public record ArticleHit(
    int rank,
    float score,
    String articleId,
    String title,
    LocalDate date,
    String source,
    String url,
    int matchingPassages,
    List<PassageHit> passages) {
  public ArticleHit {
    passages = List.copyOf(passages);
  }
}
