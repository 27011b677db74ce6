package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

class DocOrderTest {

  @Test
  void positionsFollowIncreasingDocIdsAndEqualIdsKeepTheirOrder() {
    assertArrayEquals(new int[] {1, 0, 2}, DocOrder.of(new int[] {42, 7, 42}));
    assertArrayEquals(new int[] {3, 1, 4, 0, 2}, DocOrder.of(new int[] {Integer.MAX_VALUE, 5, Integer.MAX_VALUE, 0, 5}));
    assertArrayEquals(new int[] {}, DocOrder.of(new int[] {}));
  }
}
