package cn.jinjiang.aitraining.extract;

import java.util.List;

/**
 * Everything the admin page needs to show the figures of one text: the normalised text the
 * offsets refer to, and the candidates in text order. Each candidate carries its quote and
 * {@link Candidate#spanStartInQuote()}/{@link Candidate#spanEndInQuote()} for highlighting.
 *
 * <p>{@code normalizedText} is the text as printed (traditional characters stay traditional);
 * {@code simplifiedText} is the same text read in simplified characters, char for char, so one
 * offset points at the same place in both.
 */
public record ExtractionResult(String normalizedText, List<Candidate> candidates, String simplifiedText) {

    public ExtractionResult {
        candidates = List.copyOf(candidates);
        if (simplifiedText == null) {
            simplifiedText = normalizedText;
        }
        if (simplifiedText.length() != normalizedText.length()) {
            throw new IllegalArgumentException("simplified text must have the offsets of the normalised text");
        }
    }

    /** For text printed in simplified characters: the simplified text is the normalised text. */
    public ExtractionResult(String normalizedText, List<Candidate> candidates) {
        this(normalizedText, candidates, normalizedText);
    }

    /** Candidates of one kind, in text order. */
    public List<Candidate> ofKind(Kind kind) {
        return candidates.stream().filter(c -> c.kind() == kind).toList();
    }

    /**
     * The quote with the figure wrapped in the given markers, e.g. {@code <mark>}/{@code </mark>}.
     * The markers are inserted verbatim; HTML escaping of the quote is the page's job.
     */
    public static String highlight(Candidate c, String open, String close) {
        String q = c.quote();
        return q.substring(0, c.spanStartInQuote()) + open
                + q.substring(c.spanStartInQuote(), c.spanEndInQuote()) + close
                + q.substring(c.spanEndInQuote());
    }
}
