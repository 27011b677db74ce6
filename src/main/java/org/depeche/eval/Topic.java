package org.depeche.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.depeche.DepecheException;

/**
 * One query of a test collection, read from a {@code qid<TAB>query} line.
 *
 * @param qid the query id
 * @param query the query text
 */
public record Topic(String qid, String query) {

  /**
   * Reads a file of {@code qid<TAB>query} lines, skipping blank lines. A line without a tab or
   * without a query is reported as {@code FILE:LINE: error: …} to {@code problems} and skipped.
   *
   * @throws DepecheException when the file cannot be read
   */
  public static List<Topic> read(Path file, Consumer<String> problems) {
    List<Topic> topics = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab <= 0 || line.substring(tab + 1).isBlank()) {
          problems.accept(file + ":" + number + ": error: expected qid<TAB>query; line skipped");
          continue;
        }
        topics.add(new Topic(line.substring(0, tab).strip(), line.substring(tab + 1).strip()));
      }
    } catch (IOException e) {
      throw new DepecheException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return List.copyOf(topics);
  }
}
