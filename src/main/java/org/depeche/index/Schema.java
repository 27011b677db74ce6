package org.depeche.index;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;
import org.depeche.Article;
import org.depeche.analysis.NameAnalyzer;
import org.depeche.passage.Passage;
import org.depeche.passage.quote.Quotation;

/**
 * The index schema: one Lucene document per passage, carrying its article's metadata. Every field
 * name depeche uses lives here.
 *
 * <p>Stateless and thread-safe.
 */
public final class Schema {
  /** The schema version recorded in each commit; an index of another version is refused. */
  public static final String VERSION = "2";

  /** The passage id, {@code <article id>#<n>}: stored, indexed as one term. */
  public static final String PASSAGE_ID = "passage_id";
  /** The article id: stored, indexed as one term (replacing an article deletes by it). */
  public static final String ARTICLE_ID = "article_id";
  /** The passage's number in its article, from 0: stored, a point and doc value. */
  public static final String PASSAGE_NUMBER = "passage";
  /**
   * The passage text, stored; indexed with its article's title after it, so that a word of the
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

  /** The article's title, repeated on each passage, for {@code title:} queries: analyzed, stored. */
  public static final String TITLE = "title";
  /** The article's source: analyzed with {@link org.depeche.analysis.FrenchNewsAnalyzer}, stored. */
  public static final String SOURCE = "source";
  /** The publication date, ISO {@code yyyy-mm-dd}: stored only. */
  public static final String DATE = "date";
  /** The article's url: stored only. */
  public static final String URL = "url";
  /** The article's category: stored, indexed as one term. */
  public static final String CATEGORY = "category";

  /** {@value #QUOTED_YES} on a passage that holds at least one quotation: indexed as one term. */
  public static final String QUOTED = "quoted";
  /** The value of {@link #QUOTED}. */
  public static final String QUOTED_YES = "yes";
  /** The words of each quotation of the passage, in order: stored only. */
  public static final String QUOTE_TEXT = "quote_text";
  /**
   * The speaker of each quotation, in the order of {@link #QUOTE_TEXT}, {@code ""} when unknown:
   * stored only.
   */
  public static final String QUOTE_SPEAKER = "quote_speaker";
  /** The role of each quotation's speaker, in the same order, {@code ""} when unknown: stored only. */
  public static final String QUOTE_ROLE = "quote_role";
  /**
   * The speakers quoted in the passage, analyzed with {@link NameAnalyzer} (accents and case
   * folded), for {@code --speaker}: indexed only.
   */
  public static final String SPEAKER = "speaker";

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
   * Returns the analyzer to index with: {@code text} for every field but {@link #SPEAKER}, which
   * gets a {@link NameAnalyzer}.
   */
  public static Analyzer indexAnalyzer(Analyzer text) {
    return new PerFieldAnalyzerWrapper(text, Map.of(SPEAKER, new NameAnalyzer()));
  }

  /**
   * Returns the Lucene documents of an article's passages, in order, with the quotations of each
   * ({@code quotations.get(i)} for {@code passages.get(i)}).
   */
  public static List<Document> documents(Article article, List<Passage> passages,
      List<List<Quotation>> quotations) {
    List<Document> docs = new ArrayList<>(passages.size());
    for (int i = 0; i < passages.size(); i++) {
      Passage p = passages.get(i);
      Document doc = new Document();
      doc.add(new StringField(PASSAGE_ID, p.id(), Field.Store.YES));
      doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
      doc.add(new IntField(PASSAGE_NUMBER, p.number(), Field.Store.YES));
      doc.add(new TextField(TEXT, p.text(), Field.Store.NO));
      doc.add(new StoredField(TEXT, p.text()));
      if (article.title() != null) {
        doc.add(new TextField(TITLE, article.title(), Field.Store.YES));
        doc.add(new TextField(TEXT, article.title(), Field.Store.NO));
      }
      if (article.source() != null) {
        doc.add(new TextField(SOURCE, article.source(), Field.Store.YES));
      }
      LocalDate date = article.date();
      if (date != null) {
        doc.add(new StoredField(DATE, date.toString()));
      }
      if (article.url() != null) {
        doc.add(new StoredField(URL, article.url()));
      }
      if (article.category() != null) {
        doc.add(new StringField(CATEGORY, article.category(), Field.Store.YES));
      }
      List<Quotation> quotes = quotations.get(i);
      if (!quotes.isEmpty()) {
        doc.add(new StringField(QUOTED, QUOTED_YES, Field.Store.NO));
      }
      for (Quotation q : quotes) {
        doc.add(new StoredField(QUOTE_TEXT, q.text()));
        doc.add(new StoredField(QUOTE_SPEAKER, q.speaker() == null ? "" : q.speaker()));
        doc.add(new StoredField(QUOTE_ROLE, q.role() == null ? "" : q.role()));
        if (q.speaker() != null) {
          doc.add(new TextField(SPEAKER, q.speaker(), Field.Store.NO));
        }
      }
      docs.add(doc);
    }
    return docs;
  }
}
