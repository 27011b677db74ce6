package org.depeche;

/** A passage id that is not in the index: {@code no passage mali.txt#99 in the index}. */
public final class NoSuchPassageException extends DepecheException {
  private static final long serialVersionUID = 1L;

  /** @param passageId the id asked for */
  public NoSuchPassageException(String passageId) {
    super("no passage " + passageId + " in the index");
  }
}
