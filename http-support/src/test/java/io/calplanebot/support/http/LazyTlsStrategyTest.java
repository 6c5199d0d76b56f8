package io.calplanebot.support.http;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.TlsSocketStrategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's TLS is built at its first https connection, once, and still checks certificates. */
class LazyTlsStrategyTest {
    private final List<HttpServer> servers = new ArrayList<>();
    private final AtomicInteger built = new AtomicInteger();
    private final Supplier<TlsSocketStrategy> counted = () -> {
        built.incrementAndGet();
        return DefaultClientTlsStrategy.createDefault();
    };

    @TempDir
    Path folder;

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    private <T extends HttpServer> T serve(T server) {
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return server;
    }

    private CloseableHttpClient client() {
        return HttpClientSetup.forAgent("test").tls(counted).build();
    }

    private static int status(CloseableHttpClient client, String uri) throws Exception {
        return client.execute(new HttpGet(uri), response -> response.getCode());
    }

    @Test
    void aClientThatOnlySpeaksPlainHttp_neverBuildsItsTls() throws Exception {
        HttpServer plain = serve(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
        try (CloseableHttpClient client = client()) {
            String uri = "http://127.0.0.1:" + plain.getAddress().getPort() + "/";
            assertThat(status(client, uri)).isEqualTo(200);
            assertThat(status(client, uri)).isEqualTo(200);
        }
        assertThat(built).hasValue(0);
    }

    @Test
    void anHttpsServer_getsTheJvmsCertificateChecks_fromTlsBuiltOnce() throws Exception {
        HttpsServer tls = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        tls.setHttpsConfigurator(new HttpsConfigurator(selfSigned()));
        serve(tls);
        String uri = "https://127.0.0.1:" + tls.getAddress().getPort() + "/";
        try (CloseableHttpClient client = client()) {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> status(client, uri)).as("a certificate the JVM does not trust")
                        .isInstanceOf(SSLHandshakeException.class);
            }
        }
        assertThat(built).hasValue(1);
    }

    /** A TLS context with a new self-signed certificate for 127.0.0.1, made with the JDK's keytool. */
    private SSLContext selfSigned() throws Exception {
        Path store = folder.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(keytool.exitValue()).as(output).isZero();
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = java.nio.file.Files.newInputStream(store)) {
            keys.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory managers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        managers.init(keys, "changeit".toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(managers.getKeyManagers(), null, null);
        return context;
    }
}
