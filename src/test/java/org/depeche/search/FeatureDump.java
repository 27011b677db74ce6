package org.depeche.search;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.depeche.QuerySyntaxException;
import org.depeche.Ranking;
import org.depeche.TextAnalyzer;
import org.depeche.eval.Qrels;
import org.depeche.eval.Topic;
import org.depeche.index.PassageRecord;
import org.depeche.index.Schema;

/**
 * Writes, for each query of a set, the {@value Rescorer#DEPTH} best passages of the default ranking
 * with their {@link Rescorer} features and label: the training data of {@code scripts/train-rescorer}.
 *
 * <p>The candidates are found as {@link PassageSearch} finds them with the default options (synonyms,
 * all words first, proximity, {@link ArticleContext}), before re-scoring. One tab-separated line per
 * candidate: {@code qid article_id label score feature... idf_mass}, the label 1 when the candidate's article
 * is judged relevant, {@code idf_mass} the sum of the IDF of the query's terms.
 *
 * <pre>
 * java ... org.depeche.search.FeatureDump INDEX queries-dev.tsv qrels-dev.txt OUT.tsv
 * </pre>
 */
public final class FeatureDump {
  private FeatureDump() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 4) {
      System.err.println("usage: FeatureDump INDEX QUERIES QRELS OUT");
      System.exit(2);
    }
    List<Topic> topics = Topic.read(Path.of(args[1]), System.err::println);
    Qrels qrels = Qrels.read(Path.of(args[2]));
    Ranking ranking = Ranking.defaults();
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(Path.of(args[0])));
        PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      searcher.setSimilarity(Schema.similarity());
      Analyzer analyzer = Schema.analyzer(
          TextAnalyzer.of(reader.getIndexCommit().getUserData().get(Schema.COMMIT_ANALYZER)));
      StringBuilder header = new StringBuilder("qid\tarticle_id\tlabel\tscore");
      for (Rescorer.Feature f : Rescorer.Feature.values()) {
        header.append('\t').append(f.name().toLowerCase());
      }
      header.append("\tidf_mass");
      out.println(header);
      for (Topic topic : topics) {
        Map<String, Integer> judged = qrels.judgments().getOrDefault(topic.qid(), Map.of());
        ParsedQuery parsed;
        try {
          parsed = QueryParser.parse(topic.query());
        } catch (QuerySyntaxException e) {
          parsed = QueryParser.parse(QueryParser.plainWords(topic.query()));
        }
        QueryCompiler.Compiled compiled = QueryCompiler.compile(Synonyms.defaults().expand(parsed), analyzer,
            reader, ranking.allWordsFirst(), ranking.proximityWeight());
        if (compiled.query() == null || compiled.articleQuery() == null) {
          continue;
        }
        TopDocs top = ArticleContext.rank(searcher, compiled.query(), compiled.articleQuery(),
            ranking.articleWeight(), Rescorer.DEPTH, Rescorer.DEPTH);
        Rescorer.Prepared prepared = Rescorer.prepare(parsed, compiled.query(), analyzer, reader);
        if (prepared == null) {
          continue;
        }
        ScoreDoc[] docs = top.scoreDocs;
        float[][] features = Rescorer.features(searcher, prepared, docs);
        int[] ids = new int[docs.length];
        for (int k = 0; k < docs.length; k++) {
          ids[k] = docs[k].doc;
        }
        PassageRecord[] records = PassageRecord.read(reader, ids);
        for (int k = 0; k < docs.length; k++) {
          String article = records[k].articleId();
          StringBuilder line = new StringBuilder(topic.qid()).append('\t').append(article).append('\t')
              .append(judged.getOrDefault(article, 0) > 0 ? 1 : 0).append('\t').append(docs[k].score);
          for (float v : features[k]) {
            line.append('\t').append(v);
          }
          float mass = 0;
          for (float v : prepared.idf()) {
            mass += v;
          }
          line.append('\t').append(mass);
          out.println(line);
        }
      }
    }
  }
}
