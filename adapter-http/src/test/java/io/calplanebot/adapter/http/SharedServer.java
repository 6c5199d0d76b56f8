package io.calplanebot.adapter.http;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;

/** One real server for all tests of a class, reset to a fresh state (settings, fakes, clock) before each test. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SharedServer {
    protected final TestApi t = TestApi.roomy();

    @BeforeEach
    void resetServer() {
        t.reset();
    }

    @AfterAll
    void stopServer() {
        t.close();
    }
}
