package org.depeche.cli;

/** The exit codes of every depeche command, shown in {@code depeche --help}. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** An unexpected internal error (a bug: run again with {@code --stacktrace} and report it). */
  public static final int INTERNAL = 1;
  /** A usage error: an unknown option, a missing argument, a malformed query. */
  public static final int USAGE = 2;
  /** The index cannot be used: missing, being written by another process, read-only, incompatible, or unhealthy. */
  public static final int INDEX = 3;
  /** Some input could not be read and was skipped; everything else was indexed. */
  public static final int BAD_INPUT = 4;

  /** Out of memory: the Java heap was too small for the run (an index is left as of its last commit). */
  public static final int MEMORY = 5;

  private ExitCodes() {}
}
