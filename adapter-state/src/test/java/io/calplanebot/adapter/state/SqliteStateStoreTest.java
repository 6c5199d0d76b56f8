package io.calplanebot.adapter.state;

import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.testing.StateStoreContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded store: the state-store contract on a SQLite file in the data directory, across reopens. */
class SqliteStateStoreTest extends StateStoreContract {
    @TempDir
    Path dataDirectory;

    @Override
    protected StateStore newStore() {
        return JdbcStateStore.embedded(dataDirectory);
    }

    @Override
    protected StateStore reopen(StateStore old) {
        old.close();
        return JdbcStateStore.embedded(dataDirectory);
    }

    @Test
    void theEmbeddedStore_isOneFileInTheDataDirectory_andNotShared() {
        assertThat(Files.isRegularFile(dataDirectory.resolve(JdbcStateStore.EMBEDDED_FILE))).isTrue();
        assertThat(store.shared()).isFalse();
    }
}
