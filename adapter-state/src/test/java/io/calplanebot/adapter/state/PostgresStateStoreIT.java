package io.calplanebot.adapter.state;

import io.calplanebot.adapter.state.testing.PostgresCluster;
import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.testing.StateStoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same state-store contract on a real PostgreSQL cluster, started by the test from Debian's package. */
class PostgresStateStoreIT extends StateStoreContract {
    private static PostgresCluster cluster;
    private String url;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PostgresCluster.start();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Override
    protected StateStore newStore() throws Exception {
        url = cluster.newDatabase();
        return JdbcStateStore.postgres(DatabaseUrl.parse(cluster.databaseUrl(url)), 8);
    }

    @Override
    protected StateStore reopen(StateStore old) {
        old.close();
        return JdbcStateStore.postgres(DatabaseUrl.parse(url), 8);
    }

    @Test
    void theEmbeddedStoresExport_movesIntoPostgres(@org.junit.jupiter.api.io.TempDir java.nio.file.Path data)
            throws Exception {
        java.io.StringWriter dump = new java.io.StringWriter();
        String openId;
        try (JdbcStateStore embedded = JdbcStateStore.embedded(data)) {
            openId = StateDumpTest.fill(embedded);
            embedded.exportTo(dump);
        }
        JdbcStateStore postgres = (JdbcStateStore) store;

        postgres.importFrom(new java.io.StringReader(dump.toString()));

        StateDumpTest.assertFilled(postgres, openId);
    }

    @Test
    void aPostgresStore_isShared_byReplicas() {
        assertThat(store.shared()).isTrue();
    }
}
