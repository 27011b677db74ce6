package org.depeche;

import java.time.LocalDate;

/**
 * A quotation in an indexed passage, with who said it and where it was published.
 *
 * <pre>{@code
 * Quote[text=Nous devons être clairs sur le fait que la responsabilité de tout cela incombe à Bamako,
 *       speaker=James Heappey, role=secrétaire d'Etat aux forces armées,
 *       passageId=royaume-uni-retrait-mali.txt#2, articleId=royaume-uni-retrait-mali.txt,
 *       title=Le Royaume-Uni va retirer ses troupes du Mali plus tôt que prévu, date=2022-11-15]
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the quoted words, without the quotation marks
 * @param speaker who said them, full name without title; null when the article does not say
 * @param role the speaker's role as the article writes it, or null
 * @param passageId the passage where the quotation opens, {@code <article id>#<n>}
 * @param articleId the article's id
 * @param title the article's title, or null
 * @param date the article's date, or null
 */
public record Quote(
    String text, String speaker, String role, String passageId, String articleId, String title, LocalDate date) {}
