package cn.jinjiang.aitraining.web;

import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;

/**
 * Tells the client's failures (it hung up, sent a malformed or too slow request) from ours, so
 * that only ours are logged as errors with a stack trace.
 */
final class ClientFailure {
    private ClientFailure() {}

    /** The connection is gone: closed, reset, or timed out while we read or wrote. */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof EofException || t instanceof ClosedChannelException || t instanceof TimeoutException) return true;
            if (t instanceof IOException) {
                String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
                if (message.contains("broken pipe") || message.contains("connection reset") || message.contains("closed")
                        || message.contains("idle timeout") || message.contains("aborted")) return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** The 4xx status of a request Jetty refused while we read it (e.g. 408 too slow, 400 malformed), else 0. */
    static int badRequestStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException bad && bad.getCode() >= 400 && bad.getCode() < 500) return bad.getCode();
            if (t.getCause() == t) break;
        }
        return 0;
    }

    /** One line: the innermost cause's type and message. */
    static String summary(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
