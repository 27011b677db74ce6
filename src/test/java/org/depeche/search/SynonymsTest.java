package org.depeche.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import org.depeche.search.ParsedQuery.Item;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How the default synonyms expand a parsed query: groups joined by " | ", alternatives by " OR ". */
class SynonymsTest {

  private static String expanded(String query) {
    return Synonyms.defaults().expand(QueryParser.parse(query)).groups().stream()
        .map(g -> g.alternatives().stream().map(SynonymsTest::compact).collect(Collectors.joining(" OR ")))
        .collect(Collectors.joining(" | "));
  }

  private static String compact(Item item) {
    String text = item.phrase() ? "[" + item.text() + "]" : item.text();
    return (item.field() == ParsedQuery.Field.TITLE ? "title:" : "") + text + (item.prefix() ? "*" : "");
  }

  @ParameterizedTest(name = "{0}  →  {1}")
  @CsvSource(delimiter = '→', textBlock = """
      ONU Mali                        → ONU OR [Nations unies] OR [Organisation des Nations unies] | Mali
      Nations unies                   → [Nations unies] OR ONU OR [Organisation des Nations unies]
      nation unie                     → [nation unie] OR ONU OR [Organisation des Nations unies]
      "Nations Unies" Mali            → [Nations Unies] OR ONU OR [Organisation des Nations unies] | Mali
      Etats Unis                      → [Etats Unis] OR USA
      États-Unis                      → États-Unis OR USA
      usa                             → usa OR États-Unis
      organisation des nations unies  → [organisation des nations unies] OR ONU OR [Nations unies]
      Mali Union européenne           → Mali | [Union européenne] OR UE
      union Mali                      → union | Mali
      title:ONU                       → title:ONU
      ONU*                            → ONU*
      Mali -ONU                       → Mali
      ONU Mali Niger Tchad            → ONU OR [Nations unies] OR [Organisation des Nations unies] | Mali | Niger | Tchad
      """)
  void equivalentsAreAddedAsAlternativesAndWordsInARowAsAPhrase(String query, String expected) {
    assertEquals(expected, expanded(query));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '→', textBlock = """
      ONU Mali Niger Tchad Burkina    → ONU | Mali | Niger | Tchad | Burkina
      Covid-19 aux Etats-Unis: la première vague qui n'en finit pas → Covid-19 | aux | Etats-Unis: | la | première | vague | qui | n'en | finit | pas
      """)
  void queriesOfMoreThanFourWordsAreLeftAsTheyAre(String query, String expected) {
    assertEquals(expected, expanded(query));
  }
}
