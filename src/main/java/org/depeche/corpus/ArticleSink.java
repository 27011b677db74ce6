package org.depeche.corpus;

import java.io.IOException;
import org.depeche.Article;

/**
 * Receives the articles a {@link CorpusReader} reads, one at a time, in reading order.
 *
 * <pre>{@code
 * List<Article> articles = new ArrayList<>();
 * new CorpusReader().read(List.of(Path.of("corpus")), articles::add, System.err::println);
 * }</pre>
 *
 * <p>An {@link IOException} thrown here is not an input problem: it stops the whole read and is
 * thrown by {@link CorpusReader#read}.
 */
@FunctionalInterface
public interface ArticleSink {

  /**
   * Takes one article, typically to index it.
   *
   * @throws IOException when the article cannot be stored; this stops the read
   */
  void accept(Article article) throws IOException;
}
