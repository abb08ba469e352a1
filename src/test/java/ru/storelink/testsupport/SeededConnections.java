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
                                + " token_expires_at, device_id, connected_at, state, is_online)"
                                + " VALUES (?, ?, ?, 'Имя', 'Фамилия', ?, ?, ?, ?, ?, 'WORKING', TRUE)")) {
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
                if (i % 1000 == 999 || i == count - 1) {
                    account.executeBatch();
                    vkRow.executeBatch();
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
                        "INSERT INTO evotor_connection (id, account_id, store_id, store_name, access_token, connected_at, state, is_online)"
                                + " VALUES (?, ?, ?, 'Магазин', ?, ?, 'WORKING', TRUE)");
                PreparedStatement vkRow = db.prepareStatement(
                        "INSERT INTO vk_connection (id, account_id, vk_user_id, first_name, last_name, access_token,"
                                + " token_expires_at, device_id, connected_at, state, is_online)"
                                + " VALUES (?, ?, ?, 'Имя', 'Фамилия', ?, ?, 'seeded-device', ?, 'WORKING', TRUE)")) {
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
                }
                if (i % 1000 == 999 || i == count - 1) {
                    // Accounts first: the connections refer to them.
                    account.executeBatch();
                    evotorRow.executeBatch();
                    vkRow.executeBatch();
                }
            }
        }
        return evotorTokens;
    }
}
