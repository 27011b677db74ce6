package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** {@link ArticleWorkers}: order per key, and a thread's failure reaches the reader, never a hang. */
class ArticleWorkersTest {
  private static final Duration NO_HANG = Duration.ofSeconds(10);

  @Test
  void tasksOfOneKeyAreAddedInOrderAndAllAreCounted() {
    List<String> added = Collections.synchronizedList(new ArrayList<>());
    try (ArticleWorkers<String> workers = new ArticleWorkers<>(2, task -> task.substring(0, 1), task -> {
      added.add(task);
      return 2;
    })) {
      for (int i = 0; i < 1000; i++) {
        workers.submit((i % 2 == 0 ? "a" : "b") + i);
      }
      workers.finish();
      assertEquals(1000, workers.articles());
      assertEquals(2000, workers.passages());
    }
    for (String key : List.of("a", "b")) {
      List<Integer> order = added.stream().filter(t -> t.startsWith(key)).map(t -> Integer.parseInt(t.substring(1))).toList();
      assertEquals(order.stream().sorted().toList(), order, key);
    }
  }

  @Test
  void anErrorInAnIndexingThreadReachesTheReaderInsteadOfAHang() {
    // An indexing thread out of heap (or any Error) once left awaitIdle and submit waiting for
    // articles that thread would never add (qa16).
    OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
    Function<String, String> key = Function.identity();
    assertTimeoutPreemptively(NO_HANG, () -> {
      try (ArticleWorkers<String> workers = new ArticleWorkers<>(2, key, task -> {
        if (task.equals("7")) {
          throw oom;
        }
        return 1;
      })) {
        OutOfMemoryError thrown = assertThrows(OutOfMemoryError.class, () -> {
          for (int i = 0; i < 10_000; i++) {
            workers.submit(Integer.toString(i));
          }
          workers.awaitIdle();
        });
        assertSame(oom, thrown);
        assertSame(oom, assertThrows(OutOfMemoryError.class, workers::finish));
      }
    });
  }
}
