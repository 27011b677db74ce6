package org.depeche;

/**
 * A query that cannot be parsed, such as an unclosed quote: {@code "Bamako} fails with
 * {@code unclosed quote " at position 1}.
 */
public final class QuerySyntaxException extends DepecheException {
  private static final long serialVersionUID = 1L;

  private final int position;

  /**
   * @param problem what is wrong, without the position
   * @param position the 1-based character position in the query where the problem is
   */
  public QuerySyntaxException(String problem, int position) {
    super(problem + " at position " + position);
    this.position = position;
  }

  /** Returns the 1-based character position in the query where the problem is. */
  public int position() {
    return position;
  }
}
