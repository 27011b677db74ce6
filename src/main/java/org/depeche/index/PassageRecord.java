package org.depeche.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteArrayDataOutput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;
import org.depeche.Article;
import org.depeche.passage.Passage;

/**
 * What a search shows of a passage, kept in the index as binary doc values ({@link Schema#RECORD})
 * rather than as stored fields: a hit is read by two seeks and copies, where stored fields
 * decompress a block of several kilobytes per hit (half the time of a top-100 search, see
 * docs/performance-history.md). The passage's document holds its number and text; its article's own
 * document, the id, title, date, source and url, once for all its passages (they were 45 % of the
 * bytes when each passage held them).
 *
 * <pre>{@code
 * PassageRecord r = PassageRecord.read(reader, new int[] {42})[0];
 * r.passageId();   // "mali.txt#2"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param articleId the article's id
 * @param number the passage's number in the article, from 0
 * @param title the article's title, or null
 * @param date the article's date, or null
 * @param source the article's source, or null
 * @param url the article's url, or null
 * @param text the passage's text
 */
public record PassageRecord(String articleId, int number, String title, LocalDate date, String source,
    String url, String text) {

  private static final int HAS_TITLE = 1;
  private static final int HAS_DATE = 2;
  private static final int HAS_SOURCE = 4;
  private static final int HAS_URL = 8;

  /** Returns the passage id, {@code <article id>#<n>}. */
  public String passageId() {
    return Passage.id(articleId, number);
  }

  /**
   * Returns the doc-value field of a passage's own part of its record: its number, its text, and how
   * many documents after it its article's own document comes (an article's documents are added as
   * one block, passages first: see {@link Schema#documents}).
   */
  static BinaryDocValuesField passageField(Passage passage, int toArticle) {
    String text = passage.text();
    int length = UnicodeUtil.calcUTF16toUTF8Length(text, 0, text.length());
    // As DataOutput writes them (three vInts of 5 bytes at most, the text's UTF-8 bytes), but into
    // one array: with a ByteBuffersDataOutput's block and a copy, this method was 1.2 % of an
    // indexing run's samples.
    byte[] bytes = new byte[15 + length];
    ByteArrayDataOutput out = new ByteArrayDataOutput(bytes);
    try {
      out.writeVInt(toArticle);
      out.writeVInt(passage.number());
      out.writeVInt(length);
    } catch (IOException e) {
      throw new AssertionError("writing to memory", e);
    }
    int end = UnicodeUtil.UTF16toUTF8(text, 0, text.length(), bytes, out.getPosition());
    return new BinaryDocValuesField(Schema.RECORD, new BytesRef(bytes, 0, end));
  }

  /**
   * Returns the doc-value field of the article's part of its passages' records, for the article's own
   * document: its id, title, date, source and url, kept once rather than on each passage.
   */
  static BinaryDocValuesField articleField(Article article) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeByte((byte) ((article.title() == null ? 0 : HAS_TITLE) | (article.date() == null ? 0 : HAS_DATE)
          | (article.source() == null ? 0 : HAS_SOURCE) | (article.url() == null ? 0 : HAS_URL)));
      out.writeString(article.id());
      if (article.title() != null) {
        out.writeString(article.title());
      }
      if (article.date() != null) {
        out.writeZLong(article.date().toEpochDay());
      }
      if (article.source() != null) {
        out.writeString(article.source());
      }
      if (article.url() != null) {
        out.writeString(article.url());
      }
    } catch (IOException e) {
      throw new AssertionError("writing to memory", e);
    }
    return new BinaryDocValuesField(Schema.RECORD, new BytesRef(out.toArrayCopy()));
  }

  /**
   * Reads the records of passages of a reader, in the order given.
   *
   * @param docIds the ids in {@code reader} of passage documents, in any order
   * @throws IllegalArgumentException when a document is not a passage's: an article's own document
   *     (whose record holds its metadata only)
   */
  public static PassageRecord[] read(IndexReader reader, int[] docIds) throws IOException {
    // Doc values are read forward only: visit the documents by increasing id, one leaf at a time,
    // the passages with one iterator and their articles, which follow them, with another.
    int[] order = DocOrder.of(docIds);
    List<LeafReaderContext> leaves = reader.leaves();
    PassageRecord[] records = new PassageRecord[docIds.length];
    LeafReaderContext leaf = null;
    BinaryDocValues passages = null;
    BinaryDocValues articles = null;
    // Only passages have a number: an article's own record, read as a passage's, would be misread.
    SortedNumericDocValues numbers = null;
    int articleDoc = -1;
    ArticlePart article = null;
    for (int i : order) {
      int doc = docIds[i];
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        passages = leaf.reader().getBinaryDocValues(Schema.RECORD);
        articles = leaf.reader().getBinaryDocValues(Schema.RECORD);
        numbers = DocValues.getSortedNumeric(leaf.reader(), Schema.PASSAGE_NUMBER);
        articleDoc = -1;
      }
      int local = doc - leaf.docBase;
      if (!numbers.advanceExact(local)) {
        throw new IllegalArgumentException("document " + doc + " is not a passage's (an article's own document?)");
      }
      if (passages == null || !passages.advanceExact(local)) {
        throw new IOException("document " + doc + " has no " + Schema.RECORD + " value");
      }
      BytesRef bytes = passages.binaryValue();
      ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
      int of = local + in.readVInt();
      int number = in.readVInt();
      String text = in.readString();
      if (of != articleDoc) {
        if (of < articleDoc || !articles.advanceExact(of)) {
          throw new IOException("document " + doc + " has no article " + Schema.RECORD + " value");
        }
        articleDoc = of;
        article = decodeArticle(articles.binaryValue());
      }
      records[i] = new PassageRecord(article.articleId, number, article.title, article.date, article.source,
          article.url, text);
    }
    return records;
  }

  /** The article's part of a record. */
  private record ArticlePart(String articleId, String title, LocalDate date, String source, String url) {}

  private static ArticlePart decodeArticle(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int flags = in.readByte();
    String articleId = in.readString();
    String title = (flags & HAS_TITLE) == 0 ? null : in.readString();
    LocalDate date = (flags & HAS_DATE) == 0 ? null : LocalDate.ofEpochDay(in.readZLong());
    String source = (flags & HAS_SOURCE) == 0 ? null : in.readString();
    String url = (flags & HAS_URL) == 0 ? null : in.readString();
    return new ArticlePart(articleId, title, date, source, url);
  }
}
