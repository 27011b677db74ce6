package org.depeche.index;

import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.depeche.Article;
import org.depeche.passage.Passage;

/**
 * The index schema: one Lucene document per passage, carrying its article's metadata. Every field
 * name depeche uses lives here.
 *
 * <p>Stateless and thread-safe.
 */
public final class Schema {
  /** The schema version recorded in each commit; an index of another version is refused. */
  public static final String VERSION = "2";

  /**
   * What a search shows of the passage, its article's metadata included: a binary doc value, see
   * {@link PassageRecord}. Nothing is kept as stored fields.
   */
  public static final String RECORD = "record";

  /** The article id: indexed as one term (replacing an article deletes by it). */
  public static final String ARTICLE_ID = "article_id";
  /** The passage's number in its article, from 0: a point and doc value. */
  public static final String PASSAGE_NUMBER = "passage";
  /**
   * The passage text, indexed with its article's title after it, so that a word of the
   * title counts as a word of each passage of the article. The title starts at position
   * {@link #TITLE_POSITION} or later, which keeps phrases from matching across the two and tells a
   * match in the passage from one in the title.
   */
  public static final String TEXT = "text";
  /**
   * No passage reaches this many positions; the title in {@link #TEXT} comes after it (the
   * analyzer's {@linkplain org.depeche.analysis.FrenchNewsAnalyzer#POSITION_GAP position gap}).
   */
  public static final int TITLE_POSITION = org.depeche.analysis.FrenchNewsAnalyzer.POSITION_GAP;

  /** The article's title, repeated on each passage, for {@code title:} queries: analyzed. */
  public static final String TITLE = "title";
  /** The article's source: analyzed with {@link org.depeche.analysis.FrenchNewsAnalyzer}. */
  public static final String SOURCE = "source";
  /** The article's category: indexed as one term. */
  public static final String CATEGORY = "category";

  /** Commit user-data key: the schema version. */
  public static final String COMMIT_SCHEMA = "depeche.schema";
  /** Commit user-data key: the analyzer's name. */
  public static final String COMMIT_ANALYZER = "depeche.analyzer";
  /** Commit user-data key: the time of the commit, ISO-8601 instant. */
  public static final String COMMIT_TIME = "depeche.committed_at";

  /**
   * BM25's term-frequency saturation: lower than Lucene's 1.2 because passages are short; with
   * {@link #BM25_B}, Anserini's defaults, and the best of the settings we measured on PIAF.
   */
  public static final float BM25_K1 = 0.9f;

  /** BM25's length normalisation, lower than Lucene's 0.75: a passage is short either way. */
  public static final float BM25_B = 0.4f;

  private Schema() {}

  /** Returns the similarity the index is built and searched with. */
  public static Similarity similarity() {
    return new BM25Similarity(BM25_K1, BM25_B);
  }

  /**
   * Returns the Lucene documents of an article's passages, in order, the title analyzed once with
   * {@code analyzer} (the index's) for all of them.
   */
  public static List<Document> documents(Article article, List<Passage> passages, Analyzer analyzer) {
    List<Document> docs = new ArrayList<>(passages.size());
    TokenStream title = article.title() == null ? null : CachedTokens.of(analyzer, TEXT, article.title());
    for (Passage p : passages) {
      Document doc = new Document();
      doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.NO));
      doc.add(new IntField(PASSAGE_NUMBER, p.number(), Field.Store.NO));
      doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
      if (article.title() != null) {
        doc.add(new TextField(TITLE, title));
        doc.add(new TextField(TEXT, title));
      }
      if (article.source() != null) {
        doc.add(new TextField(SOURCE, article.source(), Field.Store.NO));
      }
      if (article.category() != null) {
        doc.add(new StringField(CATEGORY, article.category(), Field.Store.NO));
      }
      doc.add(PassageRecord.field(article, p));
      docs.add(doc);
    }
    return docs;
  }
}
