package ru.storelink.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.connections.control.TokenCipher.TokenUnreadableException;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.entity.EvotorConnection;
import ru.storelink.testsupport.SqlCounter;
import ru.storelink.testsupport.TestData;
import ru.storelink.testsupport.TestServer;
import ru.storelink.testsupport.WebClient;
import ru.storelink.vk.control.VkConnections;
import ru.storelink.vk.control.VkMessages.User;

/** In the container, on the real database: how connections are stored and read. */
@ExtendWith(ArquillianExtension.class)
class ConnectionsStorageIT {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Accounts accounts;

    @Inject
    EvotorConnections evotor;

    @Inject
    VkConnections vk;

    @Inject
    TokenCipher cipher;

    @Inject
    SqlCounter sql;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void tokensAreEncryptedAtRestAndBoundToTheirOwner() throws Exception {
        long alice = accounts.register(TestData.uniqueEmail("rest"), PASSWORD).getId();
        long bob = accounts.register(TestData.uniqueEmail("rest"), PASSWORD).getId();
        String secret = "evotor-access-" + System.nanoTime();
        evotor.save(alice, new Grant(secret, "refresh-" + secret, OffsetDateTime.now(ZoneOffset.UTC).plusDays(7)), store());
        evotor.save(bob, new Grant(secret, null, null), store());

        String alicesRow = column("SELECT access_token FROM evotor_connection WHERE account_id = ?", alice);
        String bobsRow = column("SELECT access_token FROM evotor_connection WHERE account_id = ?", bob);
        assertThat(alicesRow).startsWith("v1.").doesNotContain(secret);
        assertThat(column("SELECT refresh_token FROM evotor_connection WHERE account_id = ?", alice)).doesNotContain(secret);
        assertThat(alicesRow).as("same token, different ciphertext").isNotEqualTo(bobsRow);

        EvotorConnection stored = evotor.of(alice).orElseThrow();
        assertThat(evotor.accessToken(stored)).isEqualTo(secret);
        // Alice's sealed token copied into Bob's row does not open there.
        assertThatThrownBy(() -> cipher.open(alicesRow, "evotor.access_token/account:" + bob))
                .isInstanceOf(TokenUnreadableException.class);
    }

    @Test
    void aNewConnectionIsOnlineAndCheckedNowAndTheDatabaseDefaultsOnlineToFalse() throws Exception {
        long owner = accounts.register(TestData.uniqueEmail("fields"), PASSWORD).getId();
        vk.save(owner, new Grant("vk-token", "vk-refresh", null), new User(5L, "Иван", "Иванов"), "device-1");

        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT is_online, last_checked_at, device_id FROM vk_connection WHERE account_id = ?")) {
            select.setLong(1, owner);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                assertThat(row.getBoolean("is_online")).isTrue();
                assertThat(row.getObject("last_checked_at", OffsetDateTime.class))
                        .isAfter(OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1));
                assertThat(row.getString("device_id")).isEqualTo("device-1");
            }
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at) "
                                + "VALUES (?, ?, 's', 'n', 'v1.x.y', CURRENT_TIMESTAMP)")) {
            insert.setLong(1, -System.nanoTime());
            insert.setLong(2, owner);
            insert.executeUpdate();
        }
        assertThat(column("SELECT CAST(is_online AS VARCHAR(5)) FROM evotor_connection WHERE account_id = ?", owner))
                .isEqualToIgnoringCase("false");
        assertThat(column("SELECT CAST(last_checked_at AS VARCHAR(40)) FROM evotor_connection WHERE account_id = ?", owner)).isNull();
    }

    @Test
    void theDatabaseAllowsOneConnectionPerServiceAndAccount() throws Exception {
        long owner = accounts.register(TestData.uniqueEmail("unique"), PASSWORD).getId();
        evotor.save(owner, new Grant("a", null, null), store());
        evotor.save(owner, new Grant("b", null, null), store());

        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at) "
                                + "VALUES (?, ?, 's', 'n', 'v1.x.y', CURRENT_TIMESTAMP)")) {
            insert.setLong(1, -System.nanoTime());
            insert.setLong(2, owner);
            assertThatThrownBy(insert::executeUpdate).isInstanceOf(SQLException.class);
        }
        assertThat(column("SELECT CAST(COUNT(*) AS VARCHAR(5)) FROM evotor_connection WHERE account_id = ?", owner)).isEqualTo("1");
    }

    @Test
    void theDashboardRendersWithAtMostTwoQueries() throws Exception {
        String email = TestData.uniqueEmail("queries");
        long owner = accounts.register(email, PASSWORD).getId();
        evotor.save(owner, new Grant("a", null, null), store());
        vk.save(owner, new Grant("b", null, null), new User(9L, "Анна", "Петрова"), "device");
        WebClient client = new WebClient(TestServer.baseUrl());
        assertThat(client.login(email, PASSWORD).statusCode()).isEqualTo(302);
        assertThat(client.get("/connections").statusCode()).isEqualTo(200);

        sql.start();
        String page = client.get("/connections").body();
        int statements = sql.stop();

        assertThat(page).contains("Чайная", "Анна Петрова");
        // JPA's statements: one per card, shared with the navbar's badge. The 30-day strips' few indexed JDBC
        // queries per card (HealthHistory.strip) are not JPA's and not counted here.
        assertThat(statements).isBetween(1, 2);
    }

    private static Store store() {
        return new Store("store-1", "Чайная", "Москва");
    }

    private String column(String query, long accountId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }
}
