package org.depeche.index;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.PerFieldSimilarityWrapper;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.BytesRef;
import org.depeche.Article;
import org.depeche.TextAnalyzer;
import org.depeche.analysis.Analyzers;
import org.depeche.analysis.FrenchNewsAnalyzer;
import org.depeche.analysis.NameAnalyzer;
import org.depeche.passage.Passage;
import org.depeche.passage.quote.Quotation;

/**
 * The index schema: one Lucene document per passage, carrying its article's metadata, and one per
 * article, holding its whole text for ranking a passage in its article's context. Every field name
 * depeche uses lives here.
 *
 * <p>Stateless and thread-safe.
 */
public final class Schema {
  /** The schema version recorded in each commit; an index of another version is refused. */
  public static final String VERSION = "10";

  /**
   * What a search shows of the passage, its article's metadata included: a binary doc value on the
   * passage (its text) and on its article's own document (the metadata), see {@link PassageRecord}.
   * Nothing is kept as stored fields.
   */
  public static final String RECORD = "record";

  /** The passage id, {@code <article id>#<n>}: indexed as one term, stored (for the index checks). */
  public static final String PASSAGE_ID = "passage_id";
  /**
   * The article id: indexed as one term (replacing an article deletes by it), stored, and a sorted
   * doc value for grouping passages by article.
   */
  public static final String ARTICLE_ID = "article_id";
  /** The passage's number in its article, from 0: a point and doc value. */
  public static final String PASSAGE_NUMBER = "passage";
  /**
   * The passage text, indexed with its article's title after it, so that a word of the
   * title counts as a word of each passage of the article. The title starts at position
   * {@link #TITLE_POSITION} or later, which keeps phrases from matching across the two and tells a
   * match in the passage from one in the title: {@code title:} queries look for their words from
   * that position on (there is no title field of its own).
   */
  public static final String TEXT = "text";
  /**
   * No passage reaches this many positions; the title in {@link #TEXT} comes after it (the
   * analyzer's {@linkplain org.depeche.analysis.FrenchNewsAnalyzer#POSITION_GAP position gap}).
   */
  public static final int TITLE_POSITION = org.depeche.analysis.FrenchNewsAnalyzer.POSITION_GAP;

  /**
   * On the article's own document only: the text of all its passages and its title after them
   * (from position {@link #TITLE_POSITION} on), indexed, not stored. A passage document has no such
   * field, and an article document no {@link #TEXT}, so a query on one field finds one kind.
   */
  public static final String ARTICLE_TEXT = "article_text";

  /** The article's source: analyzed with {@link org.depeche.analysis.FrenchNewsAnalyzer}. */
  public static final String SOURCE = "source";
  /**
   * The publication date as days since 1970-01-01: a point for date filters and a doc value for
   * date sorts and facets. Absent when the article has no date.
   */
  public static final String DAY = "day";
  /** The source as a {@linkplain #key key}, for {@code --source} filters: one term. */
  public static final String SOURCE_KEY = "source_key";
  /** The category as a {@linkplain #key key}, for {@code --category} filters: one term. */
  public static final String CATEGORY_KEY = "category_key";
  /** The source as written, a sorted doc value for facets. */
  public static final String SOURCE_FACET = "source_facet";
  /** The category as written, a sorted doc value for facets. */
  public static final String CATEGORY_FACET = "category_facet";
  /**
   * The passage text and title as words, {@linkplain FrenchNewsAnalyzer#unstemmed() not stemmed}:
   * documents only, no positions. Prefix searches ({@code britanniq*}) and spelling suggestions
   * look up whole words here, which the stems of {@link #TEXT} cannot give ({@code britanniques}
   * is stemmed to {@code britan}).
   */
  public static final String WORDS = "words";
  /**
   * The file an article was read from, as an absolute normalized path, on each of its passages:
   * indexed as one term, not stored. Absent for articles added through {@link
   * org.depeche.DepecheIndex#add}.
   */
  public static final String FILE = "file";
  /**
   * On a file record (one document per corpus file indexed, not a passage): the file's absolute
   * normalized path, stored and indexed as one term. Passage queries never match a file record:
   * it has none of the passage fields.
   */
  public static final String FILE_RECORD = "file_record";
  /** On a file record: the SHA-256 of the file's bytes when it was indexed, hex, stored only. */
  public static final String FILE_FINGERPRINT = "file_sha256";
  /**
   * On the first passage of an article read from a file: the other files (as {@link #FILE}) that
   * held an article of the same id when this copy replaced theirs, oldest first, stored only;
   * absent when there were none. When this copy's file drops the id, the copy of the last of them
   * still recorded comes back (see {@link CorpusSync}).
   */
  public static final String HELD_ALSO_BY = "held_also_by";
  /** {@value #QUOTED_YES} on a passage that holds at least one quotation: indexed as one term. */
  public static final String QUOTED = "quoted";
  /** The value of {@link #QUOTED}. */
  public static final String QUOTED_YES = "yes";
  /**
   * The quotations of the passage, their words, speakers and roles, in order: one binary doc value,
   * see {@link QuoteValues}.
   */
  public static final String QUOTES = "quotes";
  /**
   * The speakers quoted in the passage, analyzed with {@link NameAnalyzer} (accents and case
   * folded), for {@code --speaker}: indexed only, with positions (a name is a phrase) and no norms
   * (it filters, never scores).
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

  /**
   * BM25's length normalisation for {@link #ARTICLE_TEXT}: Lucene's usual 0.75, since articles,
   * unlike passages, range from a paragraph to dozens. On the OrangeSum headlines, ranking articles
   * with 0.75 gave MRR@10 0.766 against 0.756 with 0.4 (0.761 with 0.6, 0.766 with 0.9).
   */
  public static final float ARTICLE_BM25_B = 0.75f;

  /**
   * BM25's term-frequency saturation for {@link #ARTICLE_TEXT}: the passages' {@link #BM25_K1}.
   * With the lemma analyzer and hyphenated words searched as the better of their two spellings,
   * default ranking, MRR@10: headlines 0.774 against 0.770 with 0.6, 0.772 with 0.75 and 1.05,
   * 0.768 with 1.2; PIAF 0.782 against 0.781 with 0.6 and 1.2. (Before them, articles ranked alone
   * on the headlines had done best with 0.6.) Applied at search time: the index's norms do not
   * depend on it.
   */
  public static final float ARTICLE_BM25_K1 = 0.9f;

  private static final FieldType WORDS_TYPE = wordsType();
  private static final FieldType SPEAKER_TYPE = speakerType();

  /** The combining marks {@link #key} removes: compiled once, not for each article's source and category. */
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  private Schema() {}

  /**
   * Returns the analyzer the index is built and searched with: the chosen one ({@link
   * Analyzers#create}), {@link FrenchNewsAnalyzer}'s unstemmed form for {@link #WORDS}, and a {@link
   * NameAnalyzer} for {@link #SPEAKER}. Thread-safe.
   */
  public static Analyzer analyzer(TextAnalyzer choice) {
    return new PerFieldAnalyzerWrapper(Analyzers.create(choice),
        Map.of(WORDS, FrenchNewsAnalyzer.unstemmed(), SPEAKER, new NameAnalyzer()));
  }

  /**
   * Returns the form of a source or category that filters compare: lower case, accents removed,
   * spaces trimmed. {@code " Économie "} → {@code economie}.
   */
  public static String key(String value) {
    return MARKS.matcher(Normalizer.normalize(value.strip(), Normalizer.Form.NFD)).replaceAll("")
        .toLowerCase(Locale.ROOT);
  }

  private static FieldType wordsType() {
    FieldType type = new FieldType();
    type.setIndexOptions(IndexOptions.DOCS);
    type.setTokenized(true);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  private static FieldType speakerType() {
    FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
    type.setOmitNorms(true);
    type.freeze();
    return type;
  }

  /** Returns the similarity the index is built and searched with, per field. */
  public static Similarity similarity() {
    Similarity passage = new BM25Similarity(BM25_K1, BM25_B);
    Similarity article = new BM25Similarity(ARTICLE_BM25_K1, ARTICLE_BM25_B);
    return new PerFieldSimilarityWrapper() {
      @Override
      public Similarity get(String field) {
        return field.equals(ARTICLE_TEXT) ? article : passage;
      }
    };
  }

  /**
   * Returns the Lucene documents of an article's passages, in order, with the quotations of each
   * ({@code quotations.get(i)} for {@code passages.get(i)}), then the article's own. Each text is
   * analyzed once: the title with {@code analyzer} (the index's), for all the passages ({@link
   * CachedTokens}); the passages' {@link #TEXT} tokens are recorded as the passages are indexed and
   * replayed for {@link #ARTICLE_TEXT} ({@link TokenTape}); and the unstemmed terms of the title and
   * of each passage are replayed for {@link #WORDS} when the analyzer gives them ({@link
   * org.depeche.analysis.UnstemmedTermAttribute}; else the text is analyzed again for it), each word
   * once per passage document, which indexes no more than documents there. The
   * documents are to be indexed once, in order, by one thread.
   *
   * @param file the {@link #FILE} the article was read from, or null
   */
  public static List<Document> documents(Article article, List<Passage> passages,
      List<List<Quotation>> quotations, String file, Analyzer analyzer) {
    List<Document> docs = new ArrayList<>(passages.size() + 1);
    if (passages.isEmpty()) {
      return docs;
    }
    Shared shared = new Shared(article, file, analyzer);
    TokenTape tape = new TokenTape();
    for (int i = 0; i < passages.size(); i++) {
      docs.add(passageDocument(shared, passages.get(i), passages.size() - i, quotations.get(i), tape));
    }
    docs.add(articleDocument(shared, passages, tape));
    return docs;
  }

  /**
   * What the documents of one article have in common, made once: its title and source analyzed,
   * its keys and facets. Kept out of the documents' methods so that each stays a small unit for the
   * JIT compiler, which compiles a method with all it inlines.
   */
  private static final class Shared {
    final Article article;
    final String file;
    final TokenStream title;
    final TokenStream titleWords;
    final TokenStream source;
    final BytesRef articleId;
    final String sourceKey;
    final BytesRef sourceFacet;
    final String categoryKey;
    final BytesRef categoryFacet;

    Shared(Article article, String file, Analyzer analyzer) {
      this.article = article;
      this.file = file;
      boolean titled = article.title() != null;
      CachedTokens titleTokens = titled ? CachedTokens.of(analyzer, TEXT, article.title()) : null;
      title = titleTokens;
      titleWords = titled ? titleWords(titleTokens, analyzer, article.title()) : null;
      boolean sourced = article.source() != null;
      source = sourced ? CachedTokens.of(analyzer, SOURCE, article.source()) : null;
      sourceKey = sourced ? key(article.source()) : null;
      sourceFacet = sourced ? new BytesRef(article.source().strip()) : null;
      boolean categorized = article.category() != null;
      categoryKey = categorized ? key(article.category()) : null;
      categoryFacet = categorized ? new BytesRef(article.category().strip()) : null;
      articleId = new BytesRef(article.id());
    }
  }

  /** The title's unstemmed words, from its one analysis when its tokens carry them, else analyzed again. */
  private static TokenStream titleWords(CachedTokens title, Analyzer analyzer, String text) {
    TokenStream words = title.words();
    return words != null ? words : CachedTokens.of(analyzer, WORDS, text);
  }

  private static Document passageDocument(Shared shared, Passage p, int toArticle, List<Quotation> quotes,
      TokenTape tape) {
    Article article = shared.article;
    Document doc = new Document();
    doc.add(new StringField(PASSAGE_ID, p.id(), Field.Store.YES));
    doc.add(new StringField(ARTICLE_ID, article.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(ARTICLE_ID, shared.articleId));
    doc.add(new IntField(PASSAGE_NUMBER, p.number(), Field.Store.YES));
    if (shared.file != null) {
      doc.add(new StringField(FILE, shared.file, Field.Store.NO));
    }
    doc.add(tape.field(TEXT, p.text()));
    doc.add(tape.words(WORDS, p.text(), WORDS_TYPE));
    if (shared.title != null) {
      doc.add(new TextField(TEXT, shared.title));
      doc.add(tape.otherWords(WORDS, shared.titleWords, WORDS_TYPE));
    }
    if (shared.source != null) {
      doc.add(new TextField(SOURCE, shared.source));
      doc.add(new StringField(SOURCE_KEY, shared.sourceKey, Field.Store.NO));
      doc.add(new SortedDocValuesField(SOURCE_FACET, shared.sourceFacet));
    }
    LocalDate date = article.date();
    if (date != null) {
      doc.add(new LongPoint(DAY, date.toEpochDay()));
      doc.add(new NumericDocValuesField(DAY, date.toEpochDay()));
    }
    if (article.category() != null) {
      doc.add(new StringField(CATEGORY_KEY, shared.categoryKey, Field.Store.NO));
      doc.add(new SortedDocValuesField(CATEGORY_FACET, shared.categoryFacet));
    }
    if (!quotes.isEmpty()) {
      addQuotations(doc, quotes);
    }
    doc.add(PassageRecord.passageField(p, toArticle));
    return doc;
  }

  private static void addQuotations(Document doc, List<Quotation> quotes) {
    doc.add(new StringField(QUOTED, QUOTED_YES, Field.Store.NO));
    doc.add(QuoteValues.field(quotes));
    for (Quotation q : quotes) {
      if (q.speaker() != null) {
        doc.add(new Field(SPEAKER, q.speaker(), SPEAKER_TYPE));
      }
    }
  }

  private static Document articleDocument(Shared shared, List<Passage> passages, TokenTape tape) {
    Document whole = new Document();
    whole.add(new StringField(ARTICLE_ID, shared.article.id(), Field.Store.NO));
    whole.add(new SortedDocValuesField(ARTICLE_ID, shared.articleId));
    if (shared.file != null) {
      whole.add(new StringField(FILE, shared.file, Field.Store.NO));
    }
    int[] lengths = new int[passages.size()];
    for (int i = 0; i < lengths.length; i++) {
      lengths[i] = passages.get(i).text().length();
    }
    // As if analyzed from the passages joined by blank lines: see TokenTape.
    whole.add(new TextField(ARTICLE_TEXT, tape.replay(lengths)));
    if (shared.title != null) {
      whole.add(new TextField(ARTICLE_TEXT, shared.title));
    }
    whole.add(PassageRecord.articleField(shared.article));
    return whole;
  }

  /** Returns the record of a corpus file indexed with the given fingerprint. */
  public static Document fileRecord(String file, String fingerprint) {
    Document doc = new Document();
    doc.add(new StringField(FILE_RECORD, file, Field.Store.YES));
    doc.add(new StoredField(FILE_FINGERPRINT, fingerprint));
    return doc;
  }

  /** Returns a query for every passage, and nothing else (not the file records). */
  public static Query passages() {
    return new FieldExistsQuery(PASSAGE_NUMBER);
  }

  /**
   * Notes on an article's documents ({@link #documents}; on its first passage) the files whose
   * copies of its id it replaces ({@link #HELD_ALSO_BY}), oldest first. An article without
   * passages has no documents, and nothing to note.
   */
  public static void noteHeldAlsoBy(List<Document> documents, List<String> files) {
    if (!documents.isEmpty()) {
      for (String file : files) {
        documents.getFirst().add(new StoredField(HELD_ALSO_BY, file));
      }
    }
  }

  /** Returns a query for the first passage of every article: one document per article. */
  public static Query articles() {
    return IntField.newExactQuery(PASSAGE_NUMBER, 0);
  }
}
