package org.depeche.passage.quote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.depeche.Article;
import org.junit.jupiter.api.Test;

/**
 * Measures quotation detection and speaker attribution against the hand annotation of 93 quotes in
 * 28 OrangeSum articles ({@code src/test/resources/quotes/README.md}), and fails below the targets
 * of issue 5: precision 0.95 and recall 0.90 for detection; among detected quotes, the right
 * speaker for 0.85 and a wrong name for at most 0.05.
 *
 * <p>A detected quote matches a gold one of the same article when their words are the same (case,
 * spacing, apostrophes and the punctuation at either end aside), each gold quote matched once.
 */
class QuotationEvaluationTest {
  static final double MIN_PRECISION = 0.95;
  static final double MIN_RECALL = 0.90;
  static final double MIN_CORRECT = 0.85;
  static final double MAX_WRONG = 0.05;

  record Gold(String set, String articleId, String speaker, String quote) {}

  record Scores(int gold, int detected, int matched, int correct, int wrong, List<String> errors) {
    double precision() { return detected == 0 ? 1 : (double) matched / detected; }
    double recall() { return (double) matched / gold; }
    double correctShare() { return matched == 0 ? 0 : (double) correct / matched; }
    double wrongShare() { return matched == 0 ? 0 : (double) wrong / matched; }

    String line(String name) {
      return String.format(Locale.ROOT,
          "%-5s %d gold, %d detected, %d matched: precision %.3f, recall %.3f; speaker right %.3f (%d), wrong %.3f (%d), none %d",
          name, gold, detected, matched, precision(), recall(), correctShare(), correct, wrongShare(), wrong,
          matched - correct - wrong);
    }
  }

  @Test
  void detectsAndAttributesTheAnnotatedQuotesAboveTheTargets() throws IOException {
    Map<String, Article> articles = articles();
    List<Gold> gold = gold();
    Scores all = score(articles, gold, null);
    Scores dev = score(articles, gold, "dev");
    Scores check = score(articles, gold, "check");
    System.out.println("Quotations on the annotated OrangeSum articles:");
    System.out.println(dev.line("dev"));
    System.out.println(check.line("check"));
    System.out.println(all.line("all"));
    // Only the dev articles' mistakes are shown: the check articles stay unseen.
    dev.errors().forEach(e -> System.out.println("  " + e));
    assertTrue(all.precision() >= MIN_PRECISION, all.line("all"));
    assertTrue(all.recall() >= MIN_RECALL, all.line("all"));
    assertTrue(all.correctShare() >= MIN_CORRECT, all.line("all"));
    assertTrue(all.wrongShare() <= MAX_WRONG, all.line("all"));
  }

  static Scores score(Map<String, Article> articles, List<Gold> gold, String set) {
    Map<String, List<Gold>> byArticle = new LinkedHashMap<>();
    for (Gold g : gold) {
      if (set == null || g.set().equals(set)) {
        byArticle.computeIfAbsent(g.articleId(), k -> new ArrayList<>()).add(g);
      }
    }
    int goldCount = 0, detected = 0, matched = 0, correct = 0, wrong = 0;
    List<String> errors = new ArrayList<>();
    for (Map.Entry<String, List<Gold>> e : byArticle.entrySet()) {
      Article a = articles.get(e.getKey());
      List<Gold> remaining = new ArrayList<>(e.getValue());
      goldCount += remaining.size();
      for (QuoteFinder.Found f : QuoteFinder.find(a.title(), a.paragraphs())) {
        detected++;
        Gold match = remaining.stream().filter(g -> norm(g.quote()).equals(norm(f.text()))).findFirst().orElse(null);
        if (match == null) {
          errors.add("false quote " + a.id() + ": «" + f.text() + "»");
          continue;
        }
        remaining.remove(match);
        matched++;
        String want = match.speaker().isEmpty() ? null : match.speaker();
        if (Objects.equals(want == null ? null : Persons.fold(want), f.speaker() == null ? null : Persons.fold(f.speaker()))) {
          correct++;
        } else if (f.speaker() != null) {
          wrong++;
          errors.add("wrong speaker " + a.id() + ": " + f.speaker() + " for " + want + ": «" + cut(f.text()) + "»");
        } else {
          errors.add("no speaker " + a.id() + " (" + want + "): «" + cut(f.text()) + "»");
        }
      }
      remaining.forEach(g -> errors.add("missed " + g.articleId() + ": «" + g.quote() + "»"));
    }
    return new Scores(goldCount, detected, matched, correct, wrong, errors);
  }

  private static String cut(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }

  static String norm(String quote) {
    return quote.replace('’', '\'').toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")
        .replaceAll("^[\\s\\p{P}]+|[\\s\\p{P}]+$", "");
  }

  static Map<String, Article> articles() throws IOException {
    Map<String, Article> articles = new LinkedHashMap<>();
    ObjectMapper mapper = new ObjectMapper();
    try (BufferedReader r = reader("/quotes/orangesum-articles.jsonl")) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode n = mapper.readTree(line);
        articles.put(n.get("id").asText(), Article.builder(n.get("id").asText())
            .title(n.get("title").asText()).text(n.get("text").asText()).build());
      }
    }
    return articles;
  }

  static List<Gold> gold() throws IOException {
    List<Gold> gold = new ArrayList<>();
    try (BufferedReader r = reader("/quotes/orangesum-quotes.tsv")) {
      r.readLine();
      String line;
      while ((line = r.readLine()) != null) {
        String[] f = line.split("\t", -1);
        gold.add(new Gold(f[0], f[1], f[2], f[3]));
      }
    }
    return gold;
  }

  private static BufferedReader reader(String resource) {
    return new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(QuotationEvaluationTest.class.getResourceAsStream(resource), resource),
        StandardCharsets.UTF_8));
  }
}
