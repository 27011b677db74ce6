package org.depeche.corpus;

import java.nio.file.Path;

/**
 * Something wrong with an input file, reported while reading a corpus.
 *
 * <p>An {@link Severity#ERROR} means some input was not indexed (a whole file, or one line of a
 * JSONL file); a {@link Severity#WARNING} means it was indexed, but not as written (for example a
 * file decoded as Windows-1252 because it is not valid UTF-8).
 *
 * @param file the file, as given or found under a directory given
 * @param line the 1-based line number, or 0 when the problem is with the whole file
 * @param severity how bad it is
 * @param message what is wrong, in a few words, without the file name
 */
public record Problem(Path file, int line, Severity severity, String message) {

  /** How bad a problem is. */
  public enum Severity {
    /** The input was read, but not as written. */
    WARNING,
    /** Some input was skipped. */
    ERROR
  }

  /** The one-line form shown to users: {@code corpus/a.jsonl:3: error: not a JSON object}. */
  @Override
  public String toString() {
    return file + (line > 0 ? ":" + line : "") + ": " + severity.name().toLowerCase(java.util.Locale.ROOT)
        + ": " + message;
  }
}
