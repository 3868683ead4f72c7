package cn.jinjiang.aitraining.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads an uploaded CSV's bytes as text. Excel on Chinese Windows saves GBK, our own download is
 * UTF-8 with a byte-order mark, other tools write UTF-8 without one. A BOM means UTF-8; else the
 * bytes must decode strictly as UTF-8, else strictly as GBK; anything else is refused rather than
 * guessed, because a wrong guess would silently store mojibake.
 */
public final class CsvDecoding {
    public static final Charset GBK = Charset.forName("GBK");

    private CsvDecoding() {}

    public record Decoded(String text, Charset charset) {}

    public static Optional<Decoded> decode(byte[] bytes) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return strict(ByteBuffer.wrap(bytes, 3, bytes.length - 3), StandardCharsets.UTF_8);
        }
        return strict(ByteBuffer.wrap(bytes), StandardCharsets.UTF_8).or(() -> strict(ByteBuffer.wrap(bytes), GBK));
    }

    private static Optional<Decoded> strict(ByteBuffer bytes, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
            // NUL bytes mean a binary file (or UTF-16), not a CSV.
            if (text.indexOf('\0') >= 0) return Optional.empty();
            return Optional.of(new Decoded(text, charset));
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
