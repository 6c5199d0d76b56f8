package io.calplanebot.support.http;

import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.apache.hc.core5.http.protocol.HttpContext;

import javax.net.ssl.SSLSocket;
import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * HttpClient's TLS, built at the first {@code https} connection instead of with the client: building it loads the
 * JVM's trusted certificates and TLS classes (a tenth of a second or more of every start), which a service talking
 * plain HTTP to servers on its own machine never needs. Once built, the same strategy serves every connection.
 */
final class LazyTlsStrategy implements TlsSocketStrategy {
    private final Supplier<TlsSocketStrategy> factory;
    private volatile TlsSocketStrategy strategy;

    LazyTlsStrategy(Supplier<TlsSocketStrategy> factory) {
        this.factory = Objects.requireNonNull(factory, "factory");
    }

    @Override
    public SSLSocket upgrade(Socket socket, String target, int port, Object attachment, HttpContext context)
            throws IOException {
        return strategy().upgrade(socket, target, port, attachment, context);
    }

    private TlsSocketStrategy strategy() {
        TlsSocketStrategy built = strategy;
        if (built == null) {
            synchronized (this) {
                built = strategy;
                if (built == null) {
                    built = Objects.requireNonNull(factory.get(), "TLS strategy");
                    strategy = built;
                }
            }
        }
        return built;
    }
}
