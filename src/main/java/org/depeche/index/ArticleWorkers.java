package org.depeche.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Adds articles on several threads while one thread reads them. A task (an article, and what goes
 * with it) goes to the thread its key (the article id) hashes to, so two articles of the same id are
 * added in reading order, and the last one read replaces the others as with one thread.
 *
 * <pre>{@code
 * try (ArticleWorkers<Article> workers = new ArticleWorkers<>(2, Article::id, index::add)) {
 *   articles.forEach(workers::submit);   // returns at once, unless the workers are behind
 *   workers.finish();                    // waits until every article is added
 * }
 * }</pre>
 *
 * @param <T> the task: an article, with whatever its adding needs
 *
 * <p>With one thread, {@link #submit} adds the article on the caller's thread: nothing is gained by
 * handing it over. {@code submit} and {@code finish} are for one thread, the reader; the counts
 * may be read from any.
 */
public final class ArticleWorkers<T> implements AutoCloseable {
  /** Articles waiting for each thread: enough to ride out a long article, little memory. */
  private static final int QUEUE_LENGTH = 64;

  /** Tells a thread that no task follows; compared by identity. */
  private static final Object DONE = new Object();

  private final Function<T, String> key;
  private final ToIntFunction<T> add;
  private final List<BlockingQueue<Object>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong passages = new AtomicLong();
  /** The first failure of a thread: a RuntimeException or an Error (out of heap), never lost. */
  private final AtomicReference<Throwable> failure = new AtomicReference<>();
  private long submitted;
  private boolean stopped;

  /**
   * Starts the threads.
   *
   * @param count how many threads add articles, at least 1
   * @param key the key of a task: tasks of one key are added in order, on one thread
   * @param add adds one task's article and returns its number of passages; called from many threads
   */
  public ArticleWorkers(int count, Function<T, String> key, ToIntFunction<T> add) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + count);
    }
    this.key = key;
    this.add = add;
    for (int t = 0; count > 1 && t < count; t++) {
      BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
      queues.add(queue);
      threads.add(Thread.ofPlatform().name("depeche-indexer-" + t).daemon(true).start(() -> drain(queue)));
    }
  }

  /**
   * Hands over an article, waiting when its thread is behind.
   *
   * @throws RuntimeException the first failure of a thread, once it happened (or that Error)
   */
  public void submit(T task) {
    rethrowFailure();
    submitted++;
    if (queues.isEmpty()) {
      addOne(task);
      return;
    }
    put(queues.get(Math.floorMod(key.apply(task).hashCode(), queues.size())), task);
  }

  /**
   * Waits until every task handed over so far is added, the threads still running.
   *
   * @throws RuntimeException the first failure of a thread (or that Error)
   */
  public void awaitIdle() {
    while (articles.get() < submitted) {
      rethrowFailure();
      try {
        Thread.sleep(1);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the indexing threads", e);
      }
    }
    rethrowFailure();
  }

  /**
   * Waits until every article handed over is added.
   *
   * @throws RuntimeException the first failure of a thread (or that Error)
   */
  public void finish() {
    stop();
    rethrowFailure();
  }

  /** Returns the number of articles added so far. */
  public long articles() {
    return articles.get();
  }

  /** Returns the number of passages of the articles added so far. */
  public long passages() {
    return passages.get();
  }

  /** Stops the threads after the articles handed over; a failure is left to {@link #finish}. */
  @Override
  public void close() {
    stop();
  }

  private void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    queues.forEach(q -> put(q, DONE));
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the indexing threads", e);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void drain(BlockingQueue<Object> queue) {
    try {
      for (Object a = queue.take(); a != DONE; a = queue.take()) {
        if (failure.get() == null) {
          try {
            addOne((T) a);
          } catch (RuntimeException | Error e) {
            // Kept for the reader, and the thread goes on taking (and skipping) tasks: a thread
            // that died would leave the reader waiting for room in its queue, or for its articles.
            failure.compareAndSet(null, e);
          }
        }
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, new IllegalStateException("indexing thread interrupted", e));
    }
  }

  private void addOne(T task) {
    passages.addAndGet(add.applyAsInt(task));
    articles.incrementAndGet();
  }

  private void rethrowFailure() {
    switch (failure.get()) {
      case null -> { }
      case RuntimeException e -> throw e;
      case Error e -> throw e;
      case Throwable e -> throw new IllegalStateException(e);
    }
  }

  private static void put(BlockingQueue<Object> queue, Object task) {
    try {
      queue.put(task);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing an article to an indexing thread", e);
    }
  }
}
