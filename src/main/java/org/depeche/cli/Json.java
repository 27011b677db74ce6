package org.depeche.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.List;
import org.depeche.IndexStats;
import org.depeche.PassageHit;
import org.depeche.SearchResults;
import org.depeche.analysis.Token;

/** The JSON forms of depeche's results, as the command line prints them. */
final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static String write(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"query","total_hits","took_ms","hits":[...]}}. */
  static ObjectNode results(SearchResults results) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("query", results.query());
    root.put("total_hits", results.totalHits());
    root.put("took_ms", results.tookMillis());
    ArrayNode hits = root.putArray("hits");
    for (PassageHit h : results.hits()) {
      ObjectNode o = hits.addObject();
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
    }
    return root;
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
