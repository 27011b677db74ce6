package org.depeche.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToIntFunction;
import org.depeche.Article;

/**
 * Adds articles on several threads while one thread reads them. An article goes to the thread its
 * id hashes to, so two articles of the same id are added in reading order, and the last one read
 * replaces the others as with one thread.
 *
 * <pre>{@code
 * try (ArticleWorkers workers = new ArticleWorkers(2, index::add)) {
 *   articles.forEach(workers::submit);   // returns at once, unless the workers are behind
 *   workers.finish();                    // waits until every article is added
 * }
 * }</pre>
 *
 * <p>With one thread, {@link #submit} adds the article on the caller's thread: nothing is gained by
 * handing it over. {@code submit} and {@code finish} are for one thread, the reader; the counts
 * may be read from any.
 */
public final class ArticleWorkers implements AutoCloseable {
  /** Articles waiting for each thread: enough to ride out a long article, little memory. */
  private static final int QUEUE_LENGTH = 64;

  /** Tells a thread that no article follows; compared by identity. */
  private static final Article DONE = Article.builder("done").text("done").build();

  private final ToIntFunction<Article> add;
  private final List<BlockingQueue<Article>> queues = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final AtomicLong articles = new AtomicLong();
  private final AtomicLong passages = new AtomicLong();
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private boolean stopped;

  /**
   * Starts the threads.
   *
   * @param count how many threads add articles, at least 1
   * @param add adds one article and returns its number of passages; called from many threads
   */
  public ArticleWorkers(int count, ToIntFunction<Article> add) {
    if (count < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + count);
    }
    this.add = add;
    for (int t = 0; count > 1 && t < count; t++) {
      BlockingQueue<Article> queue = new ArrayBlockingQueue<>(QUEUE_LENGTH);
      queues.add(queue);
      threads.add(Thread.ofPlatform().name("depeche-indexer-" + t).daemon(true).start(() -> drain(queue)));
    }
  }

  /**
   * Hands over an article, waiting when its thread is behind.
   *
   * @throws RuntimeException the first failure of a thread, once it happened
   */
  public void submit(Article article) {
    rethrowFailure();
    if (queues.isEmpty()) {
      addOne(article);
      return;
    }
    put(queues.get(Math.floorMod(article.id().hashCode(), queues.size())), article);
  }

  /**
   * Waits until every article handed over is added.
   *
   * @throws RuntimeException the first failure of a thread
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

  private void drain(BlockingQueue<Article> queue) {
    try {
      for (Article a = queue.take(); a != DONE; a = queue.take()) {
        if (failure.get() == null) {
          try {
            addOne(a);
          } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
          }
        }
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, new IllegalStateException("indexing thread interrupted", e));
    }
  }

  private void addOne(Article article) {
    passages.addAndGet(add.applyAsInt(article));
    articles.incrementAndGet();
  }

  private void rethrowFailure() {
    RuntimeException e = failure.get();
    if (e != null) {
      throw e;
    }
  }

  private static void put(BlockingQueue<Article> queue, Article article) {
    try {
      queue.put(article);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while handing an article to an indexing thread", e);
    }
  }
}
