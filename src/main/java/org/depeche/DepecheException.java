package org.depeche;

/**
 * The one family of errors depeche reports: a bad query, a missing, locked or incompatible index,
 * or an I/O failure while reading or writing one.
 *
 * <p>Each message is one line, meant to be shown to a user as it is.
 */
public class DepecheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DepecheException(String message) {
    super(message);
  }

  public DepecheException(String message, Throwable cause) {
    super(message, cause);
  }
}
