package org.depeche.passage.quote;

/**
 * A quotation found in a passage: the quoted words and who said them.
 *
 * <pre>{@code
 * new Quotation("Nous devons être clairs sur le fait que la responsabilité de tout cela incombe à Bamako",
 *     "James Heappey", "secrétaire d'Etat aux forces armées")
 * }</pre>
 *
 * @param text the words between the quotation marks, without them; a quotation that runs over
 *     paragraphs has them joined by a space
 * @param speaker the speaker's full name without title, or null when the article does not say who
 * @param role the speaker's role as the article writes it, or null
 */
public record Quotation(String text, String speaker, String role) {}
