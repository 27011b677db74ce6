package org.depeche.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.depeche.ArticleHit;
import org.depeche.Facet;
import org.depeche.IndexStats;
import org.depeche.PassageHit;
import org.depeche.Quote;
import org.depeche.ScoreExplanation;
import org.depeche.SearchResults;
import org.depeche.SpeakerCount;
import org.depeche.analysis.Token;

/** The JSON forms of depeche's results, as the command line prints them. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code {"query","total_hits","took_ms","suggestion","hits":[...]}}; {@code "articles":[...]} in
   * place of {@code "hits"} when grouped by article; {@code "facets":{...}} when asked for.
   */
  static ObjectNode results(SearchResults results) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("query", results.query());
    root.put("total_hits", results.totalHits());
    root.put("took_ms", results.tookMillis());
    root.put("suggestion", results.suggestion());
    if (results.articles().isEmpty()) {
      ArrayNode hits = root.putArray("hits");
      results.hits().forEach(h -> passage(hits.addObject(), h));
    } else {
      ArrayNode articles = root.putArray("articles");
      for (ArticleHit a : results.articles()) {
        ObjectNode o = articles.addObject();
        o.put("rank", a.rank());
        o.put("score", a.score());
        o.put("article_id", a.articleId());
        o.put("title", a.title());
        o.put("date", a.date() == null ? null : a.date().toString());
        o.put("source", a.source());
        o.put("url", a.url());
        o.put("matching_passages", a.matchingPassages());
        ArrayNode passages = o.putArray("passages");
        a.passages().forEach(h -> passage(passages.addObject(), h));
      }
    }
    if (!results.facets().isEmpty()) {
      ObjectNode facets = root.putObject("facets");
      for (Facet f : results.facets()) {
        ArrayNode values = facets.putArray(f.name());
        f.values().forEach(v -> values.addObject().put("value", v.value()).put("count", v.count()));
      }
    }
    return root;
  }

  /** {@code {"quotes":[{"text","speaker","role","passage_id","article_id","title","date"}]}}. */
  static ObjectNode quotes(List<Quote> quotes) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("quotes");
    for (Quote q : quotes) {
      array.addObject().put("text", q.text()).put("speaker", q.speaker()).put("role", q.role())
          .put("passage_id", q.passageId()).put("article_id", q.articleId()).put("title", q.title())
          .put("date", q.date() == null ? null : q.date().toString());
    }
    return root;
  }

  /** {@code {"speakers":[{"speaker","quotes"}]}}. */
  static ObjectNode speakers(List<SpeakerCount> speakers) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("speakers");
    for (SpeakerCount s : speakers) {
      array.addObject().put("speaker", s.speaker()).put("quotes", s.quotes());
    }
    return root;
  }

  private static void passage(ObjectNode o, PassageHit h) {
    o.put("rank", h.rank());
    o.put("score", h.score());
    o.put("passage_id", h.passageId());
    o.put("article_id", h.articleId());
    o.put("passage", h.passage());
    o.put("title", h.title());
    o.put("date", h.date() == null ? null : h.date().toString());
    o.put("source", h.source());
    o.put("url", h.url());
    o.put("text", h.text());
    o.put("snippet", h.snippet() == null ? null : h.snippet().toHtml());
    ArrayNode quotes = o.putArray("quotes");
    for (Quote q : h.quotes()) {
      quotes.addObject().put("text", q.text()).put("speaker", q.speaker()).put("role", q.role());
    }
    if (h.explanation() != null) {
      o.set("explanation", explanation(h.explanation()));
    }
  }

  /** {@code {"value","description","details":[...]}}. */
  private static ObjectNode explanation(ScoreExplanation e) {
    ObjectNode o = MAPPER.createObjectNode().put("value", e.value()).put("description", e.description());
    ArrayNode details = o.putArray("details");
    e.details().forEach(d -> details.add(explanation(d)));
    return o;
  }

  /** {@code {"tokens":[{"term","position","start","end"}]}}. */
  static ObjectNode tokens(List<Token> tokens) {
    ObjectNode root = MAPPER.createObjectNode();
    ArrayNode array = root.putArray("tokens");
    for (Token t : tokens) {
      array.addObject().put("term", t.term()).put("position", t.position())
          .put("start", t.start()).put("end", t.end());
    }
    return root;
  }

  /** {@code {"articles","passages","terms","size_bytes","analyzer","last_commit"}}. */
  static ObjectNode stats(IndexStats s) {
    return MAPPER.createObjectNode()
        .put("articles", s.articles())
        .put("passages", s.passages())
        .put("terms", s.terms())
        .put("size_bytes", s.sizeBytes())
        .put("analyzer", s.analyzer())
        .put("last_commit", s.lastCommit() == null ? null : s.lastCommit().toString());
  }
}
