package cn.jinjiang.aitraining.web;

import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.NanoTime;

/**
 * The Jetty handlers in front of the app that keep slow clients from holding worker threads.
 *
 * <p>Jetty first reads a request's body into memory without a thread ({@link EagerContentHandler})
 * and hands the request to a worker only once the body is complete. A body declared larger than
 * {@code retainBytes} (an upload, or one the app refuses with 413 from its declared length) goes to
 * the app at once. A slow client therefore
 * costs a connection and a buffer, never a worker: before this, some 270 clients sending a login
 * form at a byte a second held every worker and /healthz stopped answering.
 *
 * <p>While the body arrives, it must keep up a minimum rate after a short grace period, measured
 * on every read; a slower one fails with 408 and its connection is closed. (Jetty's own
 * {@code minRequestDataRate} is checked only by the servlet layer's blocking reads, which the
 * eager reading above no longer uses.) A client that sends nothing at all meets the idle timeout.
 */
public final class SlowBodyLimit extends Handler.Wrapper {
    private final long bytesPerSecond;
    private final long graceMillis;
    private final long retainBytes;
    private final EagerContentHandler eager;

    public SlowBodyLimit(long bytesPerSecond, long graceMillis, long retainBytes) {
        this.bytesPerSecond = bytesPerSecond;
        this.graceMillis = graceMillis;
        this.retainBytes = retainBytes;
        this.eager = new EagerContentHandler(new EagerContentHandler.RetainedContentLoaderFactory(retainBytes, -1, false));
        setHandler(eager);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        long length = request.getLength();
        if (length == 0) return super.handle(request, response, callback);
        if (length > retainBytes) {
            // An upload (or a body the app will refuse from its declared length with 413): the app
            // answers at once, and its reads are held to the minimum rate below.
            Handler app = eager.getHandler();
            return app != null && app.handle(new RateChecked(request), response, callback);
        }
        return super.handle(new RateChecked(request), response, callback);
    }

    /** Counts the body's bytes as they are read and fails the read when they come too slowly. */
    private final class RateChecked extends Request.Wrapper {
        private final long started = NanoTime.now();
        private long received;
        private boolean complete;

        RateChecked(Request request) {
            super(request);
        }

        @Override
        public Content.Chunk read() {
            Content.Chunk chunk = super.read();
            long length = getLength();
            if (chunk != null) {
                received += chunk.remaining();
                if (chunk.isLast() || (length >= 0 && received >= length)) complete = true;
            }
            if (complete || (chunk != null && Content.Chunk.isFailure(chunk))) return chunk;
            long late = NanoTime.millisSince(started) - graceMillis;
            // Never owe more than the declared body: a body that arrived in time but is read late
            // (the server was busy) is not the client's fault.
            long owed = bytesPerSecond * Math.max(late, 0) / 1000;
            if (length >= 0) owed = Math.min(owed, length);
            if (late > 0 && received < owed) {
                if (chunk != null) chunk.release();
                return Content.Chunk.from(new HttpException.RuntimeException(HttpStatus.REQUEST_TIMEOUT_408,
                        "request body slower than " + bytesPerSecond + " B/s"), true);
            }
            return chunk;
        }
    }
}
