package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.db.DataVersion;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * Conditional GET and rendered-response caching for public pages and downloads.
 *
 * <p>A representation is identified by its name and language; its strong ETag adds the data version,
 * so any change through the admin changes it at once. The bytes of a representation are kept in
 * memory until the data version changes, so repeated views cost a version lookup and a copy rather
 * than a render. Large bodies (exports of big databases) are streamed and never kept, and the whole
 * cache is bounded in bytes.
 */
public final class HttpCache {
    private static final int MAX_CACHED_BODY = 1 << 20;
    private static final long MAX_CACHED_TOTAL = 24L << 20;

    private static final String VARY = "Accept-Encoding, Accept-Language, Cookie";

    private final DataVersion version;
    private final ConcurrentHashMap<String, Cached> bodies = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();
    private volatile long cachedVersion = -1;

    public HttpCache(DataVersion version) {
        this.version = version;
    }

    /** Writes a representation's body to a stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /**
     * Thrown by a {@link Body} before it writes anything, when what was asked for does not exist;
     * {@link #respond} then returns false and writes nothing.
     */
    public static final class Missing extends RuntimeException {
        public Missing() {
            super(null, null, false, false);
        }
    }

    /**
     * Answers a GET: 304 when the client's copy is current, else the cached bytes, else renders the
     * body once (streaming it to the client) and keeps it when it is small enough. Returns false,
     * having written nothing, when the body reports the thing {@link Missing}: the caller answers 404.
     * (A 304 needs no such check: an ETag names a data version at which the thing existed.)
     */
    public boolean respond(Context ctx, String representation, String contentType, Body body) {
        long current = version.current();
        String lang = RequestLang.resolve(ctx).code();
        String tag = "\"d" + current + "-" + lang + "-" + representation + "\"";
        ctx.header("ETag", tag);
        ctx.header("Cache-Control", "no-cache");
        // The same Vary on every answer of a representation, rendered or kept, compressed or not.
        ctx.header("Vary", VARY);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (matches(ifNoneMatch, tag)) {
            ctx.status(304);
            return true;
        }
        if (matchesAny(ifNoneMatch)) {
            // "*" means "if it exists at all": only rendering tells, and a missing one is a 404.
            try {
                body.writeTo(OutputStream.nullOutputStream());
            } catch (Missing missing) {
                ctx.res().setHeader("ETag", null);
                ctx.res().setHeader("Vary", null);
                return false;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ctx.status(304);
            return true;
        }
        ctx.contentType(contentType);
        if (current != cachedVersion) {
            bodies.clear();
            cachedBytes.set(0);
            cachedVersion = current;
        }
        String key = lang + " " + representation;
        try {
            Cached cached = bodies.get(key);
            if (cached != null) {
                send(ctx, cached);
                return true;
            }
            TeeOutputStream tee = new TeeOutputStream(ctx.outputStream());
            try {
                body.writeTo(tee);
            } catch (Missing missing) {
                ctx.res().setHeader("ETag", null);
                ctx.res().setHeader("Vary", null);
                return false;
            }
            tee.flush();
            byte[] rendered = tee.captured();
            if (rendered != null) {
                Cached entry = Cached.of(rendered);
                if (cachedBytes.addAndGet(entry.size()) <= MAX_CACHED_TOTAL && current == cachedVersion) {
                    bodies.put(key, entry);
                }
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes kept bytes in one piece with their length, gzipped once in advance for clients that
     * accept it: the server's dynamic compression would redo that work on every request.
     */
    private static void send(Context ctx, Cached cached) throws IOException {
        // RequestNormalizer has reduced the header to "gzip" or "identity" (honouring q=0).
        boolean gzip = cached.gzip() != null && "gzip".equals(ctx.header("Accept-Encoding"));
        byte[] bytes = gzip ? cached.gzip() : cached.plain();
        var response = ctx.res();
        if (gzip) response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /**
     * A kept body, and its gzip form when compression is worth it. (Brotli was tried: brotli4j's
     * native buffers grew the resident memory by about 60 MB during the benchmark's soak.)
     */
    private record Cached(byte[] plain, byte[] gzip) {
        private static final int COMPRESS_FROM = 1024;

        static Cached of(byte[] plain) throws IOException {
            if (plain.length < COMPRESS_FROM) return new Cached(plain, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(plain);
            }
            return new Cached(plain, out.toByteArray());
        }

        long size() { return plain.length + (gzip == null ? 0 : gzip.length); }
    }

    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) return false;
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals(tag) || c.equals("W/" + tag)) return true;
        }
        return false;
    }

    static boolean matchesAny(String ifNoneMatch) {
        return ifNoneMatch != null && ifNoneMatch.trim().equals("*");
    }

    /** Passes bytes through to the client and keeps a copy until the body grows too large to cache. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream out;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream(8192);

        TeeOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            if (copy != null) {
                copy.write(b);
                if (copy.size() > MAX_CACHED_BODY) copy = null;
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (copy != null) {
                copy.write(b, off, len);
                if (copy.size() > MAX_CACHED_BODY) copy = null;
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() {
            // the client stream is closed by its owner
        }

        byte[] captured() {
            return copy == null ? null : copy.toByteArray();
        }
    }
}
