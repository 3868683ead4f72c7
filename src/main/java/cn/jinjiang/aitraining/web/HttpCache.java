package cn.jinjiang.aitraining.web;

import cn.jinjiang.aitraining.db.DataVersion;
import cn.jinjiang.aitraining.i18n.Messages;
import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Serial;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import org.eclipse.jetty.ee10.servlet.HttpOutput;
import org.eclipse.jetty.http.HttpField;

/**
 * Conditional GET and rendered-response caching for public pages and downloads.
 *
 * <p>A representation is identified by its name and language; its strong ETag adds the data version,
 * so any change through the admin changes it at once. The bytes of a representation are kept in
 * memory until the data version changes, so repeated views cost a version lookup and a copy rather
 * than a render. Bodies over 1 MB (the JSON of thousands of figures) are kept gzipped only; the
 * largest (over 4 MB compressed) are streamed and never kept. The whole cache is bounded in bytes,
 * and the number of kept representations of one kind (e.g. dashboard table pages) is bounded too.
 *
 * <p>A representation is rendered once at a time: requests that miss while another request renders
 * the same representation at the same data version wait for those bytes instead of rendering it too
 * (after a start or a change, dozens of clients ask for the dashboard at once; each render costs
 * far more than a copy, and on a cold JVM far more again). A body too large to keep releases the
 * waiters the moment that is known, and they render it themselves.
 *
 * <p>The cache belongs to this process; several server processes on one database agree because the
 * key and the ETag derive from the data version, which each process re-reads a few times a second.
 * While the database does not answer, kept bytes are served as they are, marked stale.
 */
public final class HttpCache {
    private static final int MAX_CACHED_BODY = 1 << 20;
    /** Larger bodies are kept gzipped only, up to this compressed size (about 40 MB of JSON). */
    private static final int MAX_CACHED_GZIP = 4 << 20;
    private static final long MAX_CACHED_TOTAL = 24L << 20;
    /** Representations of one kind kept per language, e.g. dashboard table pages. */
    static final int MAX_KEPT_PER_KIND = 64;
    /** How long a request waits for another's render of the same thing before rendering it itself. */
    private static final long WAIT_FOR_RENDER_MILLIS = 20_000;

    private static final String VARY = "Accept-Encoding, Accept-Language, Cookie";
    private static final HttpField VARY_FIELD = FixedHeaders.of("Vary", VARY);
    private static final HttpField NO_CACHE = FixedHeaders.of("Cache-Control", "no-cache");

    private final DataVersion version;
    private final PersistedRenders persisted;
    private final ConcurrentHashMap<String, Cached> bodies = new ConcurrentHashMap<>();
    /** Renders in progress, by key and data version; completed with the bytes, or null when not shareable. */
    private final ConcurrentHashMap<String, CompletableFuture<Cached>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong cachedBytes = new AtomicLong();
    /** Kept keys by language and kind, oldest first; guarded by this. */
    private final java.util.Map<String, java.util.ArrayDeque<String>> keysByKind = new java.util.HashMap<>();
    private volatile long cachedVersion = -1;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stale = new LongAdder();
    private final LongAdder restored = new LongAdder();

    public HttpCache(DataVersion version) {
        this(version, PersistedRenders.NONE);
    }

    /** With {@code persisted}: renders are kept in the database too, for the next process (see there). */
    public HttpCache(DataVersion version, PersistedRenders persisted) {
        this.version = version;
        this.persisted = persisted;
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
        @Serial
        private static final long serialVersionUID = 1L;

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
        return respond(ctx, representation, representation, contentType, body);
    }

    /**
     * As above, for one of many representations of one kind (e.g. the dashboard at each table page):
     * at most {@link #MAX_KEPT_PER_KIND} of a kind are kept per language, the oldest making room.
     */
    public boolean respond(Context ctx, String kind, String representation, String contentType, Body body) {
        String lang = RequestLang.resolve(ctx).code();
        // Pages carry absolute links built from the request's origin (og:url): one copy per origin.
        String key = lang + " " + ProxyTrust.originOf(ctx) + " " + representation;
        if (!version.reachable()) return respondStale(ctx, key, contentType);
        long current = version.current();
        String tag = "\"d" + current + "-" + lang + "-" + representation + "\"";
        ctx.header("ETag", tag);
        // The same Vary on every answer of a representation, rendered or kept, compressed or not.
        FixedHeaders.put(ctx, NO_CACHE, VARY_FIELD);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (matches(ifNoneMatch, tag)) {
            notModified(ctx);
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
            notModified(ctx);
            return true;
        }
        ctx.contentType(contentType);
        if (current != cachedVersion) {
            synchronized (this) {
                bodies.clear();
                keysByKind.clear();
                cachedBytes.set(0);
                cachedVersion = current;
            }
        }
        try {
            Cached cached = bodies.get(key);
            if (cached != null) {
                hits.increment();
                send(ctx, cached);
                return true;
            }
            String renderKey = current + " " + key;
            CompletableFuture<Cached> mine = new CompletableFuture<>();
            CompletableFuture<Cached> other = rendering.putIfAbsent(renderKey, mine);
            if (other != null) {
                Cached shared = awaitRender(other);
                if (shared != null) {
                    hits.increment();
                    send(ctx, shared);
                    return true;
                }
                mine = null; // not shareable (too large, missing or failed): render it here, alone
            }
            try {
                return render(ctx, lang + " " + kind, key, current, body, mine);
            } finally {
                if (mine != null) {
                    mine.complete(null); // no-op when the render already handed its bytes over
                    rendering.remove(renderKey, mine);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Renders to the client and keeps a copy; {@code waiting} (when not null) gets the copy, or null
     * as soon as there will be none. Bytes an earlier process rendered at this data version are sent
     * instead, when the database has them.
     */
    private boolean render(Context ctx, String kindKey, String key, long current, Body body,
                           CompletableFuture<Cached> waiting) throws IOException {
        Cached earlier = persisted.load(key, current);
        if (earlier != null) {
            restored.increment();
            keep(kindKey, key, earlier, current);
            if (waiting != null) waiting.complete(earlier);
            send(ctx, earlier);
            return true;
        }
        misses.increment();
        TeeOutputStream tee = new TeeOutputStream(ctx.outputStream(), waiting);
        try {
            body.writeTo(tee);
        } catch (Missing missing) {
            ctx.res().setHeader("ETag", null);
            ctx.res().setHeader("Vary", null);
            return false;
        }
        tee.flush();
        Cached rendered = tee.captured();
        if (rendered != null) {
            keep(kindKey, key, rendered, current);
            persisted.save(key, current, rendered);
        }
        if (waiting != null) waiting.complete(rendered);
        return true;
    }

    /**
     * A 304 carries none of the body's metadata (RFC 9110, 15.4.5), so not Javalin's default
     * Content-Type. Nor the length the 200 would have (which 8.6 allows): clients that parse a 304
     * like any response, wrk among them, then wait for that many bytes that never come. Jetty marks
     * it {@code Content-Length: 0}.
     */
    static void notModified(Context ctx) {
        ctx.status(304);
        ctx.res().setContentType(null);
    }

    /** Another request's rendered bytes, or null when it has none to share or takes too long. */
    private static Cached awaitRender(CompletableFuture<Cached> other) {
        try {
            return other.get(WAIT_FOR_RENDER_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private synchronized void keep(String kindKey, String key, Cached entry, long version) {
        if (version != cachedVersion || bodies.containsKey(key)) return;
        if (cachedBytes.get() + entry.size() > MAX_CACHED_TOTAL) return;
        java.util.ArrayDeque<String> keys = keysByKind.computeIfAbsent(kindKey, k -> new java.util.ArrayDeque<>());
        while (keys.size() >= MAX_KEPT_PER_KIND) {
            Cached evicted = bodies.remove(keys.pollFirst());
            if (evicted != null) cachedBytes.addAndGet(-evicted.size());
        }
        keys.addLast(key);
        bodies.put(key, entry);
        cachedBytes.addAndGet(entry.size());
    }

    /** How many bodies are kept now (for tests and diagnostics). */
    public int keptCount() {
        return bodies.size();
    }

    /** Answers served from kept bytes while the database answered. */
    public long hitCount() { return hits.sum(); }

    /** Answers rendered because no kept bytes matched (a 304 is neither a hit nor a miss). */
    public long missCount() { return misses.sum(); }

    /** Answers served from kept bytes, marked stale, while the database did not answer. */
    public long staleCount() { return stale.sum(); }

    /** Answers served from bytes an earlier process rendered and kept in the database. */
    public long restoredCount() { return restored.sum(); }

    /** Where the layout wants the "data cannot be updated" banner, when there is one. */
    static final String BANNER_MARKER = "<!--data-status-->";

    /**
     * The database does not answer (stale-if-error): the kept bytes are the best there is, so they
     * are served, with a banner on pages, never with an ETag (the client should not keep this copy
     * as current) nor a 304 (it would hide the banner). Nothing kept: 503.
     */
    private boolean respondStale(Context ctx, String key, String contentType) {
        Cached cached = bodies.get(key);
        if (cached == null) throw new DatabaseUnavailable();
        stale.increment();
        ctx.contentType(contentType);
        ctx.header("Cache-Control", "no-store");
        ctx.header("Vary", VARY);
        try {
            if (!contentType.startsWith("text/html")) {
                send(ctx, cached);
                return true;
            }
            String page = new String(cached.plain() != null ? cached.plain() : gunzip(cached.gzip()), java.nio.charset.StandardCharsets.UTF_8);
            String text = Messages.get(RequestLang.resolve(ctx), "stale.banner")
                    .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
            String banner = "<div class=\"wrap\"><p class=\"flash flash-error stale-banner\" id=\"stale-banner\" role=\"status\">" + text + "</p></div>";
            byte[] bytes = page.replace(BANNER_MARKER, banner).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            ctx.res().setContentLength(bytes.length);
            ctx.res().getOutputStream().write(bytes);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gunzip(byte[] zipped) throws IOException {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(zipped))) {
            return in.readAllBytes();
        }
    }

    /**
     * Writes kept bytes in one piece with their length, gzipped once in advance for clients that
     * accept it: the server's dynamic compression would redo that work on every request.
     */
    private static void send(Context ctx, Cached cached) throws IOException {
        // RequestNormalizer has reduced the header to "gzip" or "identity" (honouring q=0).
        boolean gzip = cached.gzip() != null && "gzip".equals(ctx.header("Accept-Encoding"));
        var response = ctx.res();
        if (!gzip && cached.plain() == null) {
            // A large body kept only gzipped, for one of the rare clients without gzip: unzip as it goes.
            try (var unzipped = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(cached.gzip()))) {
                unzipped.transferTo(response.getOutputStream());
            }
            return;
        }
        byte[] bytes = gzip ? cached.gzip() : cached.plain();
        if (gzip) response.setHeader("Content-Encoding", "gzip");
        response.setContentLength(bytes.length);
        sendWhole(response.getOutputStream(), bytes);
    }

    /**
     * Hands a whole body to Jetty as one buffer ({@code HttpOutput.sendContent}), which writes it to
     * the connection and completes the response. The same bytes through the servlet stream's
     * {@code write(byte[])} were slower: measured alternately on identity {@code /} (40 KB,
     * wrk -c32, 7 runs each), 29.4k → 33.4k req/s median.
     */
    private static void sendWhole(ServletOutputStream out, byte[] bytes) throws IOException {
        if (out instanceof HttpOutput jetty) {
            jetty.sendContent(ByteBuffer.wrap(bytes));
        } else {
            out.write(bytes);
        }
    }

    /**
     * A kept body, and its gzip form when compression is worth it. (Brotli was tried: brotli4j's
     * native buffers grew the resident memory by about 60 MB during the benchmark's soak.)
     */
    record Cached(byte[] plain, byte[] gzip) {
        private static final int COMPRESS_FROM = 1024;

        static Cached of(byte[] plain) throws IOException {
            if (plain.length < COMPRESS_FROM) return new Cached(plain, null);
            ByteArrayOutputStream out = new ByteArrayOutputStream(plain.length / 3);
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(plain);
            }
            return new Cached(plain, out.toByteArray());
        }

        long size() { return (plain == null ? 0 : plain.length) + (gzip == null ? 0 : gzip.length); }
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

    /**
     * Passes bytes through to the client and keeps a copy: as they are up to {@link #MAX_CACHED_BODY},
     * gzipped beyond that (a large JSON shrinks about tenfold) up to {@link #MAX_CACHED_GZIP}; past
     * that nothing is kept.
     */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream out;
        private final CompletableFuture<Cached> waiting;
        private ByteArrayOutputStream plain = new ByteArrayOutputStream(8192);
        private ByteArrayOutputStream zipped;
        private GZIPOutputStream gzip;
        private boolean gaveUp;

        TeeOutputStream(OutputStream out, CompletableFuture<Cached> waiting) {
            this.out = out;
            this.waiting = waiting;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            if (gaveUp) return;
            if (plain != null) {
                plain.write(b, off, len);
                if (plain.size() > MAX_CACHED_BODY) {
                    zipped = new ByteArrayOutputStream(plain.size() / 4);
                    gzip = new GZIPOutputStream(zipped, 64 * 1024);
                    plain.writeTo(gzip);
                    plain = null;
                }
            } else {
                gzip.write(b, off, len);
                if (zipped.size() > MAX_CACHED_GZIP) {
                    gaveUp = true;
                    gzip = null;
                    zipped = null;
                    // Whoever waits for these bytes would wait for the whole download in vain.
                    if (waiting != null) waiting.complete(null);
                }
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

        /** The kept copy: plain bytes, gzip only for large bodies, or null when too large. */
        Cached captured() throws IOException {
            if (gaveUp) return null;
            if (plain != null) return Cached.of(plain.toByteArray());
            gzip.finish();
            return zipped.size() > MAX_CACHED_GZIP ? null : new Cached(null, zipped.toByteArray());
        }
    }
}
