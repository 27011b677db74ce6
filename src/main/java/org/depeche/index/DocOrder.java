package org.depeche.index;

import java.util.Arrays;

/**
 * The order in which to visit documents whose doc values are read: by increasing id, since a
 * segment's doc values and postings are read forward only. Shared by {@link PassageRecord#read},
 * {@link QuoteValues#read} and the snippets' reading of positions ({@code search.SnippetMaker}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DocOrder {
  private DocOrder() {}

  /**
   * Returns the positions {@code 0..docIds.length-1} sorted by their document's id, equal ids in the
   * order given: {@code of(new int[] {42, 7, 42})} is {@code [1, 0, 2]}.
   *
   * @param docIds document ids, not negative
   */
  public static int[] of(int[] docIds) {
    // A doc id in the high half and its position in the low half: one primitive sort, no boxing.
    long[] packed = new long[docIds.length];
    for (int i = 0; i < docIds.length; i++) {
      packed[i] = (long) docIds[i] << 32 | i;
    }
    Arrays.sort(packed);
    int[] order = new int[docIds.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = (int) packed[i];
    }
    return order;
  }
}
