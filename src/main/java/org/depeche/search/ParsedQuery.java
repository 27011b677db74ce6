package org.depeche.search;

import java.util.List;

/**
 * A query as the user wrote it, parsed but not yet analyzed: the groups of words to look for and
 * the words to exclude.
 *
 * <p>{@code Mali "forces armées" OR Barkhane -Russie} parses to two groups, {@code [Mali]} and
 * {@code ["forces armées", Barkhane]}, and one exclusion, {@code [Russie]}.
 *
 * @param groups what to look for; a group is satisfied when any of its alternatives matches
 * @param exclusions what a passage must not hold
 */
public record ParsedQuery(List<Group> groups, List<Item> exclusions) {

  public ParsedQuery {
    groups = List.copyOf(groups);
    exclusions = List.copyOf(exclusions);
  }

  /** The fields a query item can be restricted to with a {@code field:} prefix. */
  public enum Field {
    /** The passage text and the article title (no prefix). */
    ANY,
    /** The article title ({@code title:}). */
    TITLE,
    /** The article source ({@code source:}). */
    SOURCE
  }

  /**
   * Alternatives joined by {@code OR}; a single word is a group of one.
   *
   * @param alternatives one or more items
   */
  public record Group(List<Item> alternatives) {
    public Group {
      alternatives = List.copyOf(alternatives);
    }
  }

  /**
   * One word or quoted phrase.
   *
   * @param field the field it is restricted to
   * @param text the word or the phrase's text, without quotes
   * @param phrase whether it was quoted
   * @param prefix whether it is a prefix ({@code milit*}, text {@code milit}): it then stands for
   *     the words of the index that begin with it
   * @param position its 1-based position in the query
   */
  public record Item(Field field, String text, boolean phrase, boolean prefix, int position) {}
}
