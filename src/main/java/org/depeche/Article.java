package org.depeche;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A news article as depeche indexes it: an id, its metadata and its paragraphs in reading order.
 *
 * <p>The id is the article's identity in the index: adding an article whose id is already indexed
 * replaces the old one. Only {@code id} and at least one non-blank paragraph are required; the other
 * fields may be {@code null}.
 *
 * <pre>{@code
 * Article a = Article.builder("mali-2022-11-15")
 *     .title("Le Royaume-Uni retire ses troupes du Mali")
 *     .date(LocalDate.of(2022, 11, 15))
 *     .text("Premier paragraphe.\n\nSecond paragraphe.")
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @param id the article's unique id, never blank
 * @param title the headline, or {@code null}
 * @param date the publication date, or {@code null} when unknown
 * @param source the outlet or agency, or {@code null}
 * @param url the address of the original, or {@code null}
 * @param category the section ({@code politique}, {@code monde}, ...), or {@code null}
 * @param paragraphs the paragraphs in reading order; never empty, none blank
 */
public record Article(
    String id,
    String title,
    LocalDate date,
    String source,
    String url,
    String category,
    List<String> paragraphs) {

  // Compiled once: paragraphsOf runs for every article of a corpus (276,606 paragraphs in OrangeSum).
  private static final Pattern BLANK_LINE = Pattern.compile("\\R[ \\t\\u00A0]*\\R\\s*");
  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\\R\\s*");

  /** Validates the article and copies its paragraph list. */
  public Article {
    Objects.requireNonNull(id, "id");
    if (id.isBlank()) {
      throw new IllegalArgumentException("article id is blank");
    }
    Objects.requireNonNull(paragraphs, "paragraphs");
    paragraphs = List.copyOf(paragraphs);
    if (paragraphs.isEmpty()) {
      throw new IllegalArgumentException("article " + id + " has no text");
    }
    for (String p : paragraphs) {
      if (p.isBlank()) {
        throw new IllegalArgumentException("article " + id + " has a blank paragraph");
      }
    }
  }

  /** Starts building an article with the given id. */
  public static Builder builder(String id) {
    return new Builder(id);
  }

  /**
   * Splits text into paragraphs at blank lines ({@code "a\n\nb"} → {@code [a, b]}); each paragraph
   * is trimmed and its inner line breaks become spaces. Blank paragraphs are dropped.
   */
  public static List<String> paragraphsOf(String text) {
    List<String> out = new ArrayList<>();
    for (String block : BLANK_LINE.split(text)) {
      String p = block.strip();
      if (hasLineBreak(p)) {
        p = LINE_BREAK.matcher(p).replaceAll(" ");
      }
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** Whether {@code s} holds a character {@code \R} matches; most paragraphs hold none. */
  private static boolean hasLineBreak(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c >= '\n' && c <= '\r') || c == '\u0085' || c == '\u2028' || c == '\u2029') {
        return true;
      }
    }
    return false;
  }

  /** Builds an {@link Article}; not thread-safe. */
  public static final class Builder {
    private final String id;
    private String title;
    private LocalDate date;
    private String source;
    private String url;
    private String category;
    private final List<String> paragraphs = new ArrayList<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder title(String title) {
      this.title = title;
      return this;
    }

    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    public Builder source(String source) {
      this.source = source;
      return this;
    }

    public Builder url(String url) {
      this.url = url;
      return this;
    }

    public Builder category(String category) {
      this.category = category;
      return this;
    }

    /** Adds one paragraph, as is. */
    public Builder paragraph(String paragraph) {
      paragraphs.add(paragraph);
      return this;
    }

    /** Adds the paragraphs of {@code text}, separated by blank lines (see {@link #paragraphsOf}). */
    public Builder text(String text) {
      paragraphs.addAll(paragraphsOf(text));
      return this;
    }

    /**
     * Returns the article.
     *
     * @throws IllegalArgumentException when the id is blank or there is no text
     */
    public Article build() {
      return new Article(id, title, date, source, url, category, paragraphs);
    }
  }
}
