package org.depeche.index;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.depeche.Article;
import org.depeche.passage.Passage;

/**
 * What a search shows of a passage, kept in the index as one binary doc value ({@link
 * Schema#RECORD}) rather than as stored fields: a hit is read by a seek and a copy, where stored
 * fields decompress a block of several kilobytes per hit (half the time of a top-100 search, see
 * docs/performance.md).
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

  /** Returns the doc-value field holding a passage's record. */
  static BinaryDocValuesField field(Article article, Passage passage) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeByte((byte) ((article.title() == null ? 0 : HAS_TITLE) | (article.date() == null ? 0 : HAS_DATE)
          | (article.source() == null ? 0 : HAS_SOURCE) | (article.url() == null ? 0 : HAS_URL)));
      out.writeString(article.id());
      out.writeVInt(passage.number());
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
      out.writeString(passage.text());
    } catch (IOException e) {
      throw new AssertionError("writing to memory", e);
    }
    return new BinaryDocValuesField(Schema.RECORD, new BytesRef(out.toArrayCopy()));
  }

  /**
   * Reads the records of documents of a reader, in the order given.
   *
   * @param docIds the documents' ids in {@code reader}, in any order
   */
  public static PassageRecord[] read(IndexReader reader, int[] docIds) throws IOException {
    Integer[] order = new Integer[docIds.length];
    Arrays.setAll(order, i -> i);
    // Doc values are read forward only: visit the documents by increasing id, one leaf at a time.
    Arrays.sort(order, (a, b) -> Integer.compare(docIds[a], docIds[b]));
    List<LeafReaderContext> leaves = reader.leaves();
    PassageRecord[] records = new PassageRecord[docIds.length];
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    for (int i : order) {
      int doc = docIds[i];
      if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
        leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        values = leaf.reader().getBinaryDocValues(Schema.RECORD);
      }
      if (values == null || !values.advanceExact(doc - leaf.docBase)) {
        throw new IOException("document " + doc + " has no " + Schema.RECORD + " value");
      }
      records[i] = decode(values.binaryValue());
    }
    return records;
  }

  private static PassageRecord decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int flags = in.readByte();
    String articleId = in.readString();
    int number = in.readVInt();
    String title = (flags & HAS_TITLE) == 0 ? null : in.readString();
    LocalDate date = (flags & HAS_DATE) == 0 ? null : LocalDate.ofEpochDay(in.readZLong());
    String source = (flags & HAS_SOURCE) == 0 ? null : in.readString();
    String url = (flags & HAS_URL) == 0 ? null : in.readString();
    return new PassageRecord(articleId, number, title, date, source, url, in.readString());
  }
}
