package org.depeche.corpus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import org.depeche.Article;

/**
 * Reads one line of a JSONL corpus file into an article.
 *
 * <pre>{@code
 * {"id": "orangesum-2", "title": "Olivier Véran : ...", "date": "2020-07-02", "source": "AFP",
 *  "url": "https://...", "category": "france", "text": "Premier paragraphe.\n\nSecond."}
 * }</pre>
 *
 * <p>{@code id} (a string or an integer) and {@code text} (paragraphs separated by a blank line)
 * are required; {@code title}, {@code date}, {@code source}, {@code url} and {@code category} are
 * optional strings, and an empty or null one counts as absent. Other fields are ignored.
 *
 * <p>Stateless and thread-safe.
 */
final class JsonlFormat {

  private static final ObjectReader JSON =
      new ObjectMapper().reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private JsonlFormat() {}

  /**
   * Reads the article on line {@code lineNumber} of {@code file}, reporting warnings (unknown date)
   * to {@code problems}.
   *
   * @throws BadInputException when the line is not a JSON object, a field has the wrong type, or
   *     {@code id} or {@code text} is missing
   */
  static Article parse(String line, Path file, int lineNumber, Consumer<Problem> problems)
      throws BadInputException {
    JsonNode json;
    try {
      json = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new BadInputException("not valid JSON: " + e.getOriginalMessage().lines().findFirst().orElse(""));
    }
    if (!json.isObject()) {
      throw new BadInputException("not a JSON object");
    }
    String id = id(json.get("id"));
    if (json.get("text") == null || json.get("text").isNull()) {
      throw new BadInputException("missing 'text'");
    }
    String text = string(json, "text");
    if (text == null) {
      throw new BadInputException("no text");
    }
    return Article.builder(id)
            .title(string(json, "title"))
            .date(Dates.parse(file, lineNumber, string(json, "date"), problems))
            .source(string(json, "source"))
            .url(string(json, "url"))
            .category(string(json, "category"))
            .text(text)
            .build();
  }

  private static String id(JsonNode node) throws BadInputException {
    if (node == null || node.isNull() || (node.isTextual() && node.asText().isBlank())) {
      throw new BadInputException("missing 'id'");
    }
    if (node.isTextual() || node.isIntegralNumber()) {
      return node.asText();
    }
    throw new BadInputException("'id' is " + kind(node) + ", expected a string or an integer");
  }

  /** The string field {@code name}, or null when absent, null or empty. */
  private static String string(JsonNode json, String name) throws BadInputException {
    JsonNode node = json.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new BadInputException("'" + name + "' is " + kind(node) + ", expected a string");
    }
    String value = node.asText();
    return value.isBlank() ? null : value;
  }

  private static String kind(JsonNode node) {
    String type = node.getNodeType().name().toLowerCase(Locale.ROOT);
    return (type.startsWith("a") || type.startsWith("o") ? "an " : "a ") + type;
  }
}
