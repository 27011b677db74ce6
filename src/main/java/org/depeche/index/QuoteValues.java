package org.depeche.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.apache.lucene.util.BytesRef;
import org.depeche.passage.quote.Quotation;

/**
 * The quotations of a passage, kept in the index as one binary doc value ({@link Schema#QUOTES})
 * rather than as stored fields: a hit's quotations are read by a seek and a copy, where stored
 * fields decompressed a block of several passages for each quoting hit (7 % of a search's CPU, see
 * docs/performance-history.md).
 *
 * <pre>{@code
 * QuoteValues.read(reader, new int[] {42, 7});   // [[Quotation[text=Nous devons…, speaker=James Heappey, role=…]], []]
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class QuoteValues {
  private QuoteValues() {}

  /** Returns the doc-value field holding a passage's quotations, in order; there must be some. */
  static BinaryDocValuesField field(List<Quotation> quotes) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput();
    try {
      out.writeVInt(quotes.size());
      for (Quotation q : quotes) {
        out.writeString(q.text());
        out.writeString(q.speaker() == null ? "" : q.speaker());
        out.writeString(q.role() == null ? "" : q.role());
      }
    } catch (IOException e) {
      throw new AssertionError("writing to memory", e);
    }
    return new BinaryDocValuesField(Schema.QUOTES, new BytesRef(out.toArrayCopy()));
  }

  /**
   * Reads the quotations of documents of a reader, in the order given; none for a document that has
   * none. Doc values are read forward only: the documents are visited by increasing id, each
   * segment's values in one pass, rather than a fresh look-up for each.
   *
   * @param docIds ids in {@code reader}, in any order, repeats allowed
   * @return the quotations of {@code docIds[i]} at {@code i}
   */
  public static List<List<Quotation>> read(IndexReader reader, int[] docIds) throws IOException {
    int[] order = DocOrder.of(docIds);
    List<LeafReaderContext> leaves = reader.leaves();
    List<List<Quotation>> quotes = new ArrayList<>(Collections.nCopies(docIds.length, List.of()));
    LeafReaderContext leaf = null;
    BinaryDocValues values = null;
    int lastDoc = -1;
    List<Quotation> last = List.of();
    for (int i : order) {
      int doc = docIds[i];
      if (doc != lastDoc) {
        if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
          leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
          values = leaf.reader().getBinaryDocValues(Schema.QUOTES);
        }
        last = values != null && values.advanceExact(doc - leaf.docBase) ? decode(values.binaryValue()) : List.of();
        lastDoc = doc;
      }
      quotes.set(i, last);
    }
    return quotes;
  }

  /** Returns the quotations of a document of a segment, in order; none when it has none. */
  public static List<Quotation> read(LeafReader segment, int doc) throws IOException {
    BinaryDocValues values = segment.getBinaryDocValues(Schema.QUOTES);
    if (values == null || !values.advanceExact(doc)) {
      return List.of();
    }
    return decode(values.binaryValue());
  }

  private static List<Quotation> decode(BytesRef bytes) throws IOException {
    ByteArrayDataInput in = new ByteArrayDataInput(bytes.bytes, bytes.offset, bytes.length);
    int n = in.readVInt();
    List<Quotation> quotes = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String text = in.readString();
      String speaker = in.readString();
      String role = in.readString();
      quotes.add(new Quotation(text, speaker.isEmpty() ? null : speaker, role.isEmpty() ? null : role));
    }
    return quotes;
  }
}
