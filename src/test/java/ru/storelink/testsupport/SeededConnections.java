package ru.storelink.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.evotor.control.SimulatedEvotor.Store;
import ru.storelink.simulators.EvotorSimulator;
import ru.storelink.simulators.VkSimulator;
import ru.storelink.vk.control.VkService;

/**
 * Many connections at once, written straight to the database instead of through OAuth: accounts
 * {@code firstId, firstId + 1, ...}, each with an Evotor connection and, when a VK simulator is given, a VK
 * one; «Работает», never checked (due at once); tokens sealed as the application seals them and accepted
 * by the simulators.
 */
public final class SeededConnections {

    private SeededConnections() {
    }

    /**
     * Accounts {@code firstId, ...} with a VK connection each whose grant the simulator knows (refresh token
     * and device included) and whose access token expires at {@code expiresAt}. @return the access tokens
     */
    public static List<String> insertVk(Connection db, TokenCipher cipher, long firstId, int count, VkSimulator vk,
            OffsetDateTime expiresAt) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> tokens = new ArrayList<>();
        try (PreparedStatement account = db.prepareStatement(
                        "INSERT INTO account (id, email, password_hash, created_at) VALUES (?, ?, 'not-a-login', ?)");
                PreparedStatement vkRow = db.prepareStatement(
                        "INSERT INTO vk_connection (id, account_id, vk_user_id, first_name, last_name, access_token, refresh_token,"
                                + " token_expires_at, device_id, connected_at, is_online)"
                                + " VALUES (?, ?, ?, 'Имя', 'Фамилия', ?, ?, ?, ?, ?, TRUE)");
                PreparedStatement vkHealth = health(db, VkService.TYPE)) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                account.setLong(1, id);
                account.setString(2, "seeded-vk-" + id + "@example.ru");
                account.setObject(3, now);
                account.addBatch();
                String access = "seeded-vk-access-" + id;
                String refresh = "seeded-vk-refresh-" + id;
                String device = "seeded-device-" + id;
                vk.acceptGrant(access, refresh, device, id);
                tokens.add(access);
                vkRow.setLong(1, id);
                vkRow.setLong(2, id);
                vkRow.setLong(3, id);
                vkRow.setString(4, cipher.seal(access, ConnectionStore.tokenContext(VkService.TYPE, "access_token", id)));
                vkRow.setString(5, cipher.seal(refresh, ConnectionStore.tokenContext(VkService.TYPE, "refresh_token", id)));
                vkRow.setObject(6, expiresAt);
                vkRow.setString(7, device);
                vkRow.setObject(8, now);
                vkRow.addBatch();
                addHealth(vkHealth, id);
                if (i % 1000 == 999 || i == count - 1) {
                    account.executeBatch();
                    vkRow.executeBatch();
                    vkHealth.executeBatch();
                }
            }
        }
        return tokens;
    }

    /** @return the Evotor access tokens, in account order */
    public static List<String> insert(Connection db, TokenCipher cipher, long firstId, int count,
            EvotorSimulator evotor, VkSimulator vkOrNull) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<String> evotorTokens = new ArrayList<>();
        try (PreparedStatement account = db.prepareStatement(
                        "INSERT INTO account (id, email, password_hash, created_at) VALUES (?, ?, 'not-a-login', ?)");
                PreparedStatement evotorRow = db.prepareStatement(
                        "INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at, is_online)"
                                + " VALUES (?, ?, ?, 'Магазин', ?, ?, TRUE)");
                PreparedStatement vkRow = db.prepareStatement(
                        "INSERT INTO vk_connection (id, account_id, vk_user_id, first_name, last_name, access_token,"
                                + " token_expires_at, device_id, connected_at, is_online)"
                                + " VALUES (?, ?, ?, 'Имя', 'Фамилия', ?, ?, 'seeded-device', ?, TRUE)");
                PreparedStatement evotorHealth = health(db, EvotorService.TYPE);
                PreparedStatement vkHealth = health(db, VkService.TYPE)) {
            for (int i = 0; i < count; i++) {
                long id = firstId + i;
                account.setLong(1, id);
                account.setString(2, "seeded-" + id + "@example.ru");
                account.setObject(3, now);
                account.addBatch();
                String evotorToken = "seeded-evotor-" + id;
                evotor.acceptToken(evotorToken, new Store("seeded-store-" + id, "Магазин", ""));
                evotorTokens.add(evotorToken);
                evotorRow.setLong(1, id);
                evotorRow.setLong(2, id);
                evotorRow.setString(3, "seeded-store-" + id);
                evotorRow.setString(4, cipher.seal(evotorToken, ConnectionStore.tokenContext(EvotorService.TYPE, "access_token", id)));
                evotorRow.setObject(5, now);
                evotorRow.addBatch();
                addHealth(evotorHealth, id);
                if (vkOrNull != null) {
                    String vkToken = "seeded-vk-" + id;
                    vkOrNull.acceptToken(vkToken, id);
                    vkRow.setLong(1, id);
                    vkRow.setLong(2, id);
                    vkRow.setLong(3, id);
                    vkRow.setString(4, cipher.seal(vkToken, ConnectionStore.tokenContext(VkService.TYPE, "access_token", id)));
                    vkRow.setObject(5, now.plusHours(1));
                    vkRow.setObject(6, now);
                    vkRow.addBatch();
                    addHealth(vkHealth, id);
                }
                if (i % 1000 == 999 || i == count - 1) {
                    // Accounts first: the connections refer to them, and the health rows to the connections.
                    account.executeBatch();
                    evotorRow.executeBatch();
                    vkRow.executeBatch();
                    evotorHealth.executeBatch();
                    vkHealth.executeBatch();
                }
            }
        }
        return evotorTokens;
    }

    /**
     * The health row of each seeded connection of a service: the application writes one when it saves a
     * connection, a row written around it has none, and the checker would never claim it. Never checked.
     */
    private static PreparedStatement health(Connection db, ServiceType service) throws SQLException {
        return db.prepareStatement("INSERT INTO connection_health (service, connection_id, " + service.key() + "_connection_id, state)"
                + " VALUES ('" + service.key() + "', ?, ?, 'WORKING')");
    }

    private static void addHealth(PreparedStatement health, long id) throws SQLException {
        health.setLong(1, id);
        health.setLong(2, id);
        health.addBatch();
    }
}
