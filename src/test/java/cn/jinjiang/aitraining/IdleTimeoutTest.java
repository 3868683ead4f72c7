package cn.jinjiang.aitraining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.jinjiang.aitraining.support.TestApp;
import io.javalin.Javalin;
import java.util.Arrays;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.Test;

/**
 * A request's idle timeout and its connection's are the same, so Jetty does not re-arm the
 * connection's timer at the start and end of every request (a shared scheduler's lock under load).
 */
class IdleTimeoutTest {
    @Test
    void theConnectorAndEveryRequestShareOneIdleTimeout() {
        try (TestApp test = TestApp.start()) {
            Javalin app = WebApp.create(test.services());
            app.start("127.0.0.1", 0);
            try {
                var connectors = Arrays.stream(app.jettyServer().server().getConnectors())
                        .filter(ServerConnector.class::isInstance).map(ServerConnector.class::cast).toList();
                assertFalse(connectors.isEmpty());
                for (ServerConnector connector : connectors) {
                    assertEquals(WebApp.IDLE_TIMEOUT.toMillis(), connector.getIdleTimeout());
                    var http = connector.getConnectionFactory(HttpConnectionFactory.class).getHttpConfiguration();
                    assertEquals(connector.getIdleTimeout(), http.getIdleTimeout());
                }
            } finally {
                app.stop();
            }
        }
    }
}
