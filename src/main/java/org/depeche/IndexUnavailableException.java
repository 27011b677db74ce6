package org.depeche;

import java.nio.file.Path;

/**
 * The index cannot be used: there is none at the path, another process is writing it, it cannot be
 * written, or it was made by an incompatible version of depeche (or is not a depeche index).
 */
public final class IndexUnavailableException extends DepecheException {
  private static final long serialVersionUID = 1L;

  /** Why the index cannot be used. */
  public enum Reason {
    /** No index at the path. */
    MISSING,
    /** Another writer holds the index's lock. */
    LOCKED,
    /** The index directory cannot be written (opening for writing only). */
    READ_ONLY,
    /** The index was written by another version of depeche, or is not a depeche index. */
    INCOMPATIBLE
  }

  private final Reason reason;
  private final transient Path path;

  public IndexUnavailableException(Reason reason, Path path, String message) {
    super(message);
    this.reason = reason;
    this.path = path;
  }

  public IndexUnavailableException(Reason reason, Path path, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.path = path;
  }

  /** Returns why the index cannot be used. */
  public Reason reason() {
    return reason;
  }

  /** Returns the index directory. */
  public Path path() {
    return path;
  }
}
