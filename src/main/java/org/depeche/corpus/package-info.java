/**
 * Reading corpus files into {@link org.depeche.Article} values: {@code .txt} files with optional
 * front matter, {@code .jsonl} and {@code .jsonl.gz} files with one article per line, in UTF-8,
 * UTF-16 or Windows-1252. {@link org.depeche.corpus.CorpusReader} is the entry point; bad input is
 * reported as {@link org.depeche.corpus.Problem}s, never thrown.
 */
package org.depeche.corpus;
