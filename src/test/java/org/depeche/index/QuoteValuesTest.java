package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.depeche.passage.quote.Quotation;
import org.junit.jupiter.api.Test;

class QuoteValuesTest {
  private static final List<Quotation> HEAPPEY = List.of(
      new Quotation("Nous devons être clairs", "James Heappey", "secrétaire d'Etat aux forces armées"),
      new Quotation("C'est la fin d'une époque", null, null),
      new Quotation("", "Assimi Goïta", null));
  private static final List<Quotation> GOITA = List.of(new Quotation("Le Mali restera debout", "Assimi Goïta", null));

  @Test
  void readsBackEachPassagesQuotationsInOrderUnknownSpeakersAndRolesAsNull() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
        writer.addDocument(new Document());
        writer.addDocument(quoting(HEAPPEY));
        writer.addDocument(new Document());
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(List.of(List.of(), HEAPPEY, List.of()), QuoteValues.read(reader, new int[] {0, 1, 2}));
        assertEquals(HEAPPEY, QuoteValues.read(reader.leaves().getFirst().reader(), 1));
      }
    }
  }

  @Test
  void readsTheQuotationsOfManyDocumentsInTheOrderAskedAcrossSegments() throws IOException {
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setMergePolicy(NoMergePolicy.INSTANCE))) {
        writer.addDocument(new Document());   // 0
        writer.addDocument(quoting(HEAPPEY)); // 1
        writer.commit();
        writer.addDocument(quoting(GOITA));   // 2
        writer.addDocument(new Document());   // 3
        writer.commit();
        writer.addDocument(new Document());   // 4, in a segment without quotations
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(3, reader.leaves().size());
        assertEquals(List.of(List.of(), GOITA, HEAPPEY, List.of(), List.of(), GOITA, HEAPPEY),
            QuoteValues.read(reader, new int[] {4, 2, 1, 0, 3, 2, 1}));
        assertEquals(List.of(), QuoteValues.read(reader, new int[0]));
      }
    }
  }

  private static Document quoting(List<Quotation> quotes) {
    Document d = new Document();
    d.add(QuoteValues.field(quotes));
    return d;
  }
}
