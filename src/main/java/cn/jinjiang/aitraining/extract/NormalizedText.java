package cn.jinjiang.aitraining.extract;

/**
 * Text after OCR clean-up, with a map back to the raw input.
 *
 * @param text the normalised text; paragraph breaks are a single {@code '\n'}
 * @param sourceIndex for every char of {@code text}, the index of the raw char it came from
 */
public record NormalizedText(String text, int[] sourceIndex) {

    /** Raw offset of a normalised offset; {@code text.length()} maps to the raw length. */
    public int toSource(int normalizedOffset, int rawLength) {
        return normalizedOffset >= sourceIndex.length ? rawLength : sourceIndex[normalizedOffset];
    }
}
