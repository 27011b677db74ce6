package org.depeche;

import java.util.List;

/**
 * The articles of a search's matching passages counted by one of their properties.
 *
 * <p>{@code Facet[name=source, values=[AFP 12, 6Medias 3]]}: twelve matching articles are from
 * AFP and three from 6Medias. An article counts once however many of its passages match.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name {@code source}, {@code category}, {@code year} or {@code month}
 * @param values the counts: by count, most first, for sources and categories (the top {@link
 *     #MAX_VALUES}); by time, oldest first, for years ({@code 2022}) and months ({@code 2022-11})
 */
public record Facet(String name, List<Value> values) {
  /** The most values a source or category facet keeps. */
  public static final int MAX_VALUES = 10;

  public Facet {
    values = List.copyOf(values);
  }

  /**
   * One value and its count.
   *
   * @param value the value, as written in the articles
   * @param count how many matching articles have it
   */
  public record Value(String value, long count) {}
}
