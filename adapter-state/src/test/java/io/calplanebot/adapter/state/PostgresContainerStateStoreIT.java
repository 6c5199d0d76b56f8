package io.calplanebot.adapter.state;

import io.calplanebot.core.port.out.StateStore;
import io.calplanebot.core.testing.StateStoreContract;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** The state-store contract on PostgreSQL in a container, where a Docker engine exists (skipped otherwise). */
@Testcontainers(disabledWithoutDocker = true)
class PostgresContainerStateStoreIT extends StateStoreContract {
    @Container
    static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:16-alpine");

    private int databases;

    @Override
    protected StateStore newStore() throws Exception {
        String name = "contract_" + (++databases) + "_" + System.nanoTime();
        try (var connection = java.sql.DriverManager.getConnection(POSTGRES.getJdbcUrl(), POSTGRES.getUsername(),
                POSTGRES.getPassword()); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        String url = "postgres://" + POSTGRES.getUsername() + ":" + POSTGRES.getPassword() + "@" + POSTGRES.getHost()
                + ":" + POSTGRES.getMappedPort(5432) + "/" + name;
        return JdbcStateStore.postgres(DatabaseUrl.parse(url), 4);
    }
}
