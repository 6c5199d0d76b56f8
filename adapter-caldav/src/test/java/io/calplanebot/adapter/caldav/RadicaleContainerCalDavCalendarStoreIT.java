package io.calplanebot.adapter.caldav;

import io.calplanebot.adapter.caldav.testing.CalDavEndpoint;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Testcontainers;

/**
 * The same suite against Radicale in a container built from {@code radicale-container/Dockerfile} (Debian's
 * package, as the local launcher uses). Skipped where no Docker engine is available.
 */
@Testcontainers(disabledWithoutDocker = true)
class RadicaleContainerCalDavCalendarStoreIT extends CalDavCalendarStoreIT {
    private static final int PORT = 5232;
    private GenericContainer<?> container;

    @Override
    @SuppressWarnings("resource") // stopped in stopServer()
    protected CalDavEndpoint startServer() {
        container = new GenericContainer<>(new ImageFromDockerfile("calplanebot-radicale-test", false)
                .withFileFromClasspath("Dockerfile", "radicale-container/Dockerfile"))
                .withExposedPorts(PORT)
                .waitingFor(Wait.forHttp("/.well-known/caldav").forStatusCodeMatching(code -> code < 500));
        container.start();
        String base = "http://" + container.getHost() + ":" + container.getMappedPort(PORT) + "/";
        return new CalDavEndpoint("radicale-container", base, base + "test/", base + "test/", "test", "test",
                AuthType.BASIC);
    }

    @Override
    protected void stopServer() {
        if (container != null) {
            container.stop();
        }
    }

    @Override
    protected ServerQuirks quirks() {
        return ServerQuirks.RADICALE;
    }
}
