package org.depeche.corpus;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import org.depeche.Article;

/**
 * Reads one {@code .txt} article: optional front matter, then the text.
 *
 * <pre>
 * ---
 * title: "Le Royaume-Uni retire ses troupes du Mali"
 * date: 15 novembre 2022
 * source: AFP
 * ---
 * Premier paragraphe,
 * sur deux lignes.
 *
 * Second paragraphe.
 * </pre>
 *
 * <p>The front matter sits between two {@code ---} lines at the very top and holds {@code key:
 * value} lines for {@code title}, {@code date}, {@code source}, {@code url} and {@code category};
 * a value may be quoted with {@code "} or {@code '}. Paragraphs are separated by blank lines; when
 * the text has no blank line, each line is a paragraph (the common shape of pasted news text).
 *
 * <p>Stateless and thread-safe.
 */
final class TxtFormat {

  private static final String FENCE = "---";

  private TxtFormat() {}

  /**
   * Reads the article {@code id} from the decoded, non-blank {@code text} of {@code file},
   * reporting warnings (unknown key, unknown date) to {@code problems}.
   *
   * @throws BadInputException when the front matter is not closed or there is no text
   */
  static Article read(Path file, String id, String text, Consumer<Problem> problems)
      throws BadInputException {
    List<String> lines = text.lines().toList();
    Article.Builder article = Article.builder(id);
    int body = 0;
    if (lines.get(0).strip().equals(FENCE)) {
      int end = 1;
      while (end < lines.size() && !lines.get(end).strip().equals(FENCE)) {
        end++;
      }
      if (end == lines.size()) {
        throw new BadInputException("front matter opened on line 1 is not closed by a '---' line");
      }
      readFrontMatter(file, lines.subList(1, end), article, problems);
      body = end + 1;
    }
    List<String> paragraphs = paragraphs(lines.subList(body, lines.size()));
    if (paragraphs.isEmpty()) {
      throw new BadInputException("no text");
    }
    paragraphs.forEach(article::paragraph);
    return article.build();
  }

  private static void readFrontMatter(
      Path file, List<String> lines, Article.Builder article, Consumer<Problem> problems) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      int lineNumber = i + 2;
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        problems.accept(warning(file, lineNumber, "not a 'key: value' line in front matter; ignored"));
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = unquote(line.substring(colon + 1).strip());
      if (!seen.add(key)) {
        problems.accept(warning(file, lineNumber, "key '" + key + "' repeated; the last one is used"));
      }
      switch (key) {
        case "title" -> article.title(value);
        case "source" -> article.source(value);
        case "url" -> article.url(value);
        case "category" -> article.category(value);
        case "date" -> article.date(Dates.parse(file, lineNumber, value, problems));
        default ->
            problems.accept(warning(file, lineNumber, "unknown front matter key '" + key + "'; ignored"));
      }
    }
  }

  /** {@code "a b"} and {@code 'a b'} → {@code a b}; an empty value → null. */
  private static String unquote(String value) {
    if (value.length() >= 2) {
      char first = value.charAt(0);
      if ((first == '"' || first == '\'') && value.charAt(value.length() - 1) == first) {
        value = value.substring(1, value.length() - 1).strip();
      }
    }
    return value.isEmpty() ? null : value;
  }

  private static List<String> paragraphs(List<String> lines) {
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) {
      start++;
    }
    while (end > start && lines.get(end - 1).isBlank()) {
      end--;
    }
    List<String> body = lines.subList(start, end);
    if (body.stream().anyMatch(String::isBlank)) {
      return Article.paragraphsOf(String.join("\n", body));
    }
    return body.stream().map(String::strip).toList();
  }

  private static Problem warning(Path file, int line, String message) {
    return new Problem(file, line, Problem.Severity.WARNING, message);
  }
}
