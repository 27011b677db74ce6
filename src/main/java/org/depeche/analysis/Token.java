package org.depeche.analysis;

/**
 * One token produced by an analyzer, as {@code depeche analyze} shows it.
 *
 * @param term the indexed term ({@code "securit"} for « sécurité »)
 * @param position its position, counting removed stop words as gaps, from 0
 * @param start the offset of its first character in the input
 * @param end the offset just past its last character in the input
 */
public record Token(String term, int position, int start, int end) {}
