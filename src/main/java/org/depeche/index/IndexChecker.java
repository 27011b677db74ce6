package org.depeche.index;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SegmentInfos;
import org.depeche.TextAnalyzer;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.Bits;
import org.depeche.IndexHealth;
import org.depeche.IndexHealth.Check;

/**
 * Checks a depeche index: Lucene's {@link CheckIndex} (checksums, postings, stored fields of every
 * segment), then depeche's own checks on the last commit: the schema version and the analyzer it
 * records, and that every article's passages are numbered 0, 1, 2… with none missing and none twice.
 *
 * <pre>{@code
 * try (Directory d = FSDirectory.open(Path.of("index"))) {
 *   IndexHealth health = IndexChecker.check(d, "depeche");
 *   // lucene ok, schema ok, analyzer ok, articles: "201 articles, 2,551 passages, each passage once"
 * }
 * }</pre>
 *
 * <p>Stateless and thread-safe; a check needs the index's write lock for its whole run.
 */
public final class IndexChecker {
  private IndexChecker() {}

  /**
   * Checks the index in {@code directory}, which the caller has made sure holds one.
   *
   * @throws LockObtainFailedException when a writer holds the index
   */
  public static IndexHealth check(Directory directory) throws IOException {
    List<Check> checks = new ArrayList<>();
    Check lucene = lucene(directory);
    checks.add(lucene);
    if (!lucene.passed()) {
      return new IndexHealth(checks);
    }
    Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
    String schema = data.get(Schema.COMMIT_SCHEMA);
    checks.add(new Check("schema", Schema.VERSION.equals(schema), schema == null
        ? "none recorded: not a depeche index"
        : "version " + schema + (Schema.VERSION.equals(schema) ? "" : "; this depeche needs version " + Schema.VERSION)));
    String recorded = data.get(Schema.COMMIT_ANALYZER);
    boolean known = recorded != null
        && Arrays.stream(TextAnalyzer.values()).anyMatch(a -> a.id().equals(recorded));
    checks.add(new Check("analyzer", known, recorded == null
        ? "none recorded"
        : recorded + (known ? "" : "; this depeche knows " + Arrays.stream(TextAnalyzer.values())
            .map(TextAnalyzer::id).collect(Collectors.joining(", ")))));
    try (DirectoryReader reader = DirectoryReader.open(directory)) {
      checks.add(articles(reader));
    }
    return new IndexHealth(checks);
  }

  private static Check lucene(Directory directory) throws IOException {
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    try (CheckIndex checker = new CheckIndex(directory)) {
      checker.setInfoStream(new PrintStream(log, true, StandardCharsets.UTF_8));
      CheckIndex.Status status = checker.checkIndex();
      if (status.clean) {
        return new Check("lucene", true, String.format(Locale.ROOT,
            "%,d segment%s, checksums and structures sound",
            status.numSegments, status.numSegments == 1 ? "" : "s"));
      }
      String why = status.missingSegments ? "cannot read the last commit"
          : status.numBadSegments + " of " + status.numSegments + " segments broken ("
              + status.totLoseDocCount + " documents)";
      return new Check("lucene", false, why);
    } catch (LockObtainFailedException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      return new Check("lucene", false, "cannot read the index: " + e.getMessage());
    }
  }

  /** Every article's passages numbered 0..n-1, each once; every first passage one article. */
  private static Check articles(DirectoryReader reader) throws IOException {
    Map<String, BitSet> numbers = new HashMap<>();
    long passages = 0;
    List<String> problems = new ArrayList<>();
    for (LeafReaderContext leaf : reader.leaves()) {
      LeafReader r = leaf.reader();
      Bits live = r.getLiveDocs();
      StoredFields stored = r.storedFields();
      for (int doc = 0; doc < r.maxDoc(); doc++) {
        if (live != null && !live.get(doc)) {
          continue;
        }
        Document d = stored.document(doc);
        if (d.get(Schema.PASSAGE_ID) == null) {
          continue;
        }
        passages++;
        String id = d.get(Schema.ARTICLE_ID);
        int n = d.getField(Schema.PASSAGE_NUMBER).numericValue().intValue();
        BitSet seen = numbers.computeIfAbsent(id, k -> new BitSet());
        if (seen.get(n) && problems.size() < 3) {
          problems.add(id + "#" + n + " twice");
        }
        seen.set(n);
      }
    }
    for (Map.Entry<String, BitSet> e : numbers.entrySet()) {
      BitSet seen = e.getValue();
      if (seen.nextClearBit(0) != seen.length() && problems.size() < 3) {
        problems.add(e.getKey() + "#" + seen.nextClearBit(0) + " missing");
      }
    }
    String counts = String.format(Locale.ROOT, "%,d articles, %,d passages", numbers.size(), passages);
    return problems.isEmpty()
        ? new Check("articles", true, counts + ", each passage once")
        : new Check("articles", false, counts + "; " + String.join(", ", problems));
  }
}
