package org.depeche.passage;

/**
 * One passage of an article: a paragraph, or a piece of a long paragraph cut at sentence ends.
 *
 * <p>Its id is {@code <article id>#<n>}, with {@code n} counted from 0 in reading order:
 * {@code "mali.txt#2"} is the third passage of {@code mali.txt}.
 *
 * @param articleId the id of the article it belongs to
 * @param number its place in the article, from 0
 * @param text its text
 */
public record Passage(String articleId, int number, String text) {

  /** Returns the passage id, {@code <article id>#<n>}. */
  public String id() {
    return id(articleId, number);
  }

  /** Returns the id of passage {@code number} of article {@code articleId}. */
  public static String id(String articleId, int number) {
    return articleId + "#" + number;
  }
}
