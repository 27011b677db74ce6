package org.depeche.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.depeche.passage.quote.Quotation;
import org.junit.jupiter.api.Test;

class QuoteValuesTest {
  @Test
  void readsBackEachPassagesQuotationsInOrderUnknownSpeakersAndRolesAsNull() throws IOException {
    List<Quotation> heappey = List.of(
        new Quotation("Nous devons être clairs", "James Heappey", "secrétaire d'Etat aux forces armées"),
        new Quotation("C'est la fin d'une époque", null, null),
        new Quotation("", "Assimi Goïta", null));
    try (Directory dir = new ByteBuffersDirectory()) {
      try (IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig())) {
        Document quoting = new Document();
        quoting.add(QuoteValues.field(heappey));
        writer.addDocument(new Document());
        writer.addDocument(quoting);
        writer.addDocument(new Document());
      }
      try (DirectoryReader reader = DirectoryReader.open(dir)) {
        assertEquals(List.of(), QuoteValues.read(reader, 0));
        assertEquals(heappey, QuoteValues.read(reader, 1));
        assertEquals(List.of(), QuoteValues.read(reader, 2));
      }
    }
  }
}
