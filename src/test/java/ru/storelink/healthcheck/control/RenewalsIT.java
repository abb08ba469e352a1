package ru.storelink.healthcheck.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.connections.control.ConnectionStore;
import ru.storelink.connections.control.Grant;
import ru.storelink.connections.control.ProviderException;
import ru.storelink.connections.control.ProviderException.Reason;
import ru.storelink.connections.control.Renewals;
import ru.storelink.connections.control.TokenCipher;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.evotor.control.EvotorMessages.Store;
import ru.storelink.evotor.control.EvotorService;
import ru.storelink.healthcheck.control.Credentials.Superseded;
import ru.storelink.healthcheck.control.Credentials.TokenEndpoint;
import ru.storelink.testsupport.TestConfig;
import ru.storelink.testsupport.TestData;

/**
 * In the container, on the real database: a renewal is stored the moment the token endpoint answers; at
 * most one check anywhere presents a connection's refresh token; an {@code invalid_grant} after a sibling
 * rotated the token is not the owner's fault; a renewal never resurrects a deleted or reconnected
 * connection. The token endpoint here is the probes' own seam ({@link TokenEndpoint}); the HTTP side of it
 * is proved against the loopback simulators by {@code TokenLifecycleIT}.
 */
@ExtendWith(ArquillianExtension.class)
class RenewalsIT {

    private static final Duration LEASE = Duration.ofMinutes(1);
    private static final Duration REFRESH_LEASE = Duration.ofSeconds(10);

    @Inject
    Claims claims;

    @Inject
    Renewals renewals;

    @Inject
    Accounts accounts;

    @Inject
    EvotorConnections evotor;

    @Inject
    TokenCipher cipher;

    @BeforeEach
    @AfterEach
    void noBackgroundSweeps() {
        TestConfig.clearHere();
    }

    @Test
    void parallelChecksPresentTheRefreshTokenOnceAndShareTheRenewal() throws Exception {
        long account = connected("refresh-1");
        // Two checks of one connection, as after a lost lease, or a sweep meeting «Проверить сейчас».
        ClaimedCheck first = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();
        ClaimedCheck second = copyOf(first);
        AtomicInteger presented = new AtomicInteger();
        TokenEndpoint slowProvider = refreshToken -> {
            presented.incrementAndGet();
            pause(500);
            return new Grant("access-2", "refresh-2", null);
        };

        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<String>> racing = new ArrayList<>();
        for (ClaimedCheck check : List.of(first, second)) {
            Callable<String> renew = () -> {
                start.await();
                return credentials(check).renew(slowProvider);
            };
            racing.add(pool.submit(renew));
        }
        start.countDown();
        List<String> accessTokens = new ArrayList<>();
        for (Future<String> result : racing) {
            accessTokens.add(result.get());
        }
        pool.shutdown();

        assertThat(presented).as("refresh token presented to the provider").hasValue(1);
        assertThat(accessTokens).containsExactly("access-2", "access-2");
        assertThat(storedRefreshToken(account)).isEqualTo("refresh-2");
    }

    @Test
    void theRenewedGrantIsStoredBeforeTheProbeCallsTheApiAgain() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();

        credentials(check).renew(refreshToken -> new Grant("access-2", "refresh-2", null));

        // Whatever the API call after it does (fail, time out, the instance die), the rotated pair is safe.
        assertThat(storedRefreshToken(account)).isEqualTo("refresh-2");
        assertThat(evotor.accessToken(evotor.of(account).orElseThrow())).isEqualTo("access-2");
    }

    @Test
    void aRefreshAnswerWithoutRefreshTokenKeepsTheStoredOne() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();

        credentials(check).renew(refreshToken -> new Grant("access-2", null, null));

        assertThat(storedRefreshToken(account)).isEqualTo("refresh-1");
        assertThat(evotor.accessToken(evotor.of(account).orElseThrow())).isEqualTo("access-2");
    }

    @Test
    void aTokenRotatedBySiblingIsUsedWithoutAskingTheProvider() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck late = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();
        credentials(copyOf(late)).renew(refreshToken -> new Grant("access-sibling", "refresh-sibling", null));
        AtomicInteger presented = new AtomicInteger();

        String access = credentials(late).renew(refreshToken -> {
            presented.incrementAndGet();
            throw new ProviderException(Reason.GRANT_REFUSED, "retired refresh token");
        });

        assertThat(presented).hasValue(0);
        assertThat(access).isEqualTo("access-sibling");
    }

    @Test
    void invalidGrantAfterASiblingRotatedIsNotTheOwnersFault() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();
        ClaimedCheck sibling = copyOf(check);

        // The provider refuses our (now retired) token because a sibling whose refresh lease had run out
        // rotated it while our request travelled.
        String access = credentials(check).renew(refreshToken -> {
            renewals.store(EvotorService.TYPE, sibling.id(), sibling.sealedRefreshToken(),
                    seal(account, "access_token", "access-sibling"), seal(account, "refresh_token", "refresh-sibling"), null);
            throw new ProviderException(Reason.GRANT_REFUSED, "retired refresh token");
        });

        assertThat(access).isEqualTo("access-sibling");
        assertThat(storedRefreshToken(account)).isEqualTo("refresh-sibling");
    }

    @Test
    void invalidGrantForTheStoredTokenMeansTheGrantIsGone() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();

        assertThatThrownBy(() -> credentials(check).renew(refreshToken -> {
            throw new ProviderException(Reason.GRANT_REFUSED, "revoked");
        })).isInstanceOfSatisfying(ProviderException.class, e -> assertThat(e.reason()).isEqualTo(Reason.GRANT_REFUSED));
        assertThat(storedRefreshToken(account)).isEqualTo("refresh-1");
        // The refresh lease is free again: the next check may try.
        assertThat(renewals.lease(EvotorService.TYPE, check.id(), check.sealedRefreshToken(), LeaseOwner.next(), REFRESH_LEASE))
                .isInstanceOf(Renewals.Leased.class);
    }

    @Test
    void aRenewalCannotOverwriteAReconnect() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();

        assertThatThrownBy(() -> credentials(check).renew(refreshToken -> {
            evotor.save(account, new Grant("access-reconnected", "refresh-reconnected", null), new Store("s", "Чайная", ""));
            return new Grant("access-old-grant", "refresh-old-grant", null);
        })).isInstanceOf(Superseded.class);
        assertThat(storedRefreshToken(account)).isEqualTo("refresh-reconnected");
    }

    @Test
    void aRenewalCannotResurrectADeletedConnection() throws Exception {
        long account = connected("refresh-1");
        ClaimedCheck check = claims.claimOf(EvotorService.TYPE, account, LEASE).orElseThrow();

        assertThatThrownBy(() -> credentials(check).renew(refreshToken -> {
            evotor.delete(account);
            return new Grant("access-2", "refresh-2", null);
        })).isInstanceOf(Superseded.class);
        assertThat(evotor.of(account)).isEmpty();
    }

    private Credentials credentials(ClaimedCheck check) {
        return new Credentials(check, cipher, renewals, REFRESH_LEASE);
    }

    private static ClaimedCheck copyOf(ClaimedCheck check) {
        return new ClaimedCheck(check.service(), check.id(), check.accountId(), check.sealedAccessToken(),
                check.sealedRefreshToken(), check.tokenExpiresAt(), check.deviceId(), check.state(),
                check.consecutiveFailures(), check.historySlot(), "another-instance");
    }

    private long connected(String refreshToken) throws Exception {
        long account = accounts.register(TestData.uniqueEmail("renewals"), "correct horse battery").getId();
        evotor.save(account, new Grant("access-1", refreshToken, null), new Store("renewals-store", "Чайная", ""));
        return account;
    }

    private String storedRefreshToken(long account) {
        String sealed = renewals.read(EvotorService.TYPE, evotor.of(account).orElseThrow().getId()).sealedRefreshToken();
        return cipher.open(sealed, ConnectionStore.tokenContext(EvotorService.TYPE, "refresh_token", account));
    }

    private String seal(long account, String column, String token) {
        return cipher.seal(token, ConnectionStore.tokenContext(EvotorService.TYPE, column, account));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
