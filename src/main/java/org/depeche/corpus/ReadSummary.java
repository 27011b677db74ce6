package org.depeche.corpus;

/**
 * What a {@link CorpusReader#read} did, as counts.
 *
 * <p>Each file given or found under a directory given counts once, in {@code files} or in {@code
 * filesSkipped}: a JSONL file whose every line is bad, or whose gzip data breaks half way, was
 * still read. Paths that do not exist count as skipped files.
 *
 * <pre>{@code
 * ReadSummary s = reader.read(paths, sink, problems);
 * // ReadSummary[files=12, filesSkipped=1, articles=1530, recordsSkipped=2]
 * }</pre>
 *
 * @param files files read, wholly or in part
 * @param filesSkipped files of which nothing was read (missing, unreadable, unsupported type,
 *     empty, binary, not gzip, a {@code .txt} without text)
 * @param articles articles handed to the sink
 * @param recordsSkipped lines of JSONL files that were not read into an article
 */
public record ReadSummary(int files, int filesSkipped, int articles, int recordsSkipped) {}
