package org.depeche.corpus;

/**
 * Input that cannot be read into an article: a whole file, or one record of a JSONL file. The
 * message is the problem in a few words ({@code "no text"}); the reader turns it into an {@link
 * Problem.Severity#ERROR} and goes on with the next file or record.
 */
final class BadInputException extends Exception {

  BadInputException(String message) {
    super(message, null, false, false);
  }
}
