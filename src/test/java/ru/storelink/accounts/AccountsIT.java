package ru.storelink.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import ru.storelink.accounts.control.AccountIdentityStore;
import ru.storelink.accounts.control.Accounts;
import ru.storelink.accounts.control.EmailTakenException;
import ru.storelink.accounts.control.LoginThrottle;
import ru.storelink.accounts.control.LoginThrottle.Admission;
import ru.storelink.accounts.control.LoginThrottle.Refusal;
import ru.storelink.accounts.entity.Account;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.testsupport.TestData;

/** In the container, on the real database: storing accounts, hashing, the identity store and throttling. */
@ExtendWith(ArquillianExtension.class)
class AccountsIT {

    private static final String PASSWORD = "correct horse battery";

    @Inject
    Accounts accounts;

    @Inject
    AccountIdentityStore identityStore;

    @Inject
    LoginThrottle throttle;

    @Resource(lookup = DatabaseMigration.DATA_SOURCE)
    DataSource dataSource;

    @Test
    void storedHashIsPbkdf2Sha256WithAtLeast600000IterationsAndItsOwnSalt() throws Exception {
        Account first = accounts.register(TestData.uniqueEmail("hash"), PASSWORD);
        Account second = accounts.register(TestData.uniqueEmail("hash"), PASSWORD);

        String[] parts = storedHash(first.getId()).split(":");
        assertEquals(4, parts.length);
        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertTrue(Integer.parseInt(parts[1]) >= 600_000, "iterations " + parts[1]);
        assertEquals(32, Base64.getDecoder().decode(parts[2]).length, "salt bytes");
        assertNotEquals(storedHash(first.getId()), storedHash(second.getId()), "same password, different salt");
    }

    @Test
    void oneAccountPerEmailWhateverItsCase() throws Exception {
        String email = TestData.uniqueEmail("case");
        accounts.register(email, PASSWORD);

        assertThrows(EmailTakenException.class, () -> accounts.register(" " + email.toUpperCase() + " ", PASSWORD));
        assertEquals(1, countAccounts(email));
    }

    @Test
    void theDatabaseItselfRefusesADuplicateEmail() throws Exception {
        String email = TestData.uniqueEmail("constraint");
        accounts.register(email, PASSWORD);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO account (id, email, password_hash, created_at) VALUES (?, ?, 'x', CURRENT_TIMESTAMP)")) {
            insert.setLong(1, -System.nanoTime());
            insert.setString(2, email);
            assertThrows(SQLException.class, insert::executeUpdate);
        }
        assertEquals(1, countAccounts(email));
    }

    @Test
    void identityStoreAcceptsOnlyTheRightPassword() throws Exception {
        String email = TestData.uniqueEmail("store");
        accounts.register(email, PASSWORD);

        CredentialValidationResult valid = validate(email.toUpperCase(), PASSWORD);
        assertEquals(Status.VALID, valid.getStatus());
        assertEquals(email, valid.getCallerPrincipal().getName());
        assertEquals(Status.INVALID, validate(email, PASSWORD + "!").getStatus());
        assertEquals(Status.INVALID, validate(TestData.uniqueEmail("nobody"), PASSWORD).getStatus());
    }

    @Test
    void repeatedFailuresLockOnlyThatAccount() throws Exception {
        String attacked = TestData.uniqueEmail("attacked");
        String bystander = TestData.uniqueEmail("bystander");
        Account victim = accounts.register(attacked, PASSWORD);
        accounts.register(bystander, PASSWORD);

        for (int i = 0; i < 5; i++) {
            assertEquals(Status.INVALID, validate(attacked, "wrong password " + i).getStatus());
        }

        assertEquals(Status.INVALID, validate(attacked, PASSWORD).getStatus(), "locked: even the right password");
        assertTrue(throttle.lockedUntil(attacked).isPresent());
        assertEquals(Status.VALID, validate(bystander, PASSWORD).getStatus(), "other accounts unaffected");
        assertEquals(victim.getId(), accounts.findByEmail(attacked).orElseThrow().getId());
    }

    @Test
    void aSuccessfulLoginResetsTheCount() throws Exception {
        String email = TestData.uniqueEmail("reset");
        accounts.register(email, PASSWORD);

        for (int i = 0; i < 4; i++) {
            validate(email, "wrong password");
        }
        assertEquals(Status.VALID, validate(email, PASSWORD).getStatus());
        for (int i = 0; i < 4; i++) {
            validate(email, "wrong password");
        }

        assertEquals(Status.VALID, validate(email, PASSWORD).getStatus());
    }

    @Test
    void aParallelBurstOnOneAddressIsAdmittedExactlyMaxFailuresTimes() throws Exception {
        String email = TestData.uniqueEmail("race");
        int parallel = 50;
        CyclicBarrier start = new CyclicBarrier(parallel);
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        List<Future<Admission>> attempts = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            attempts.add(threads.submit(() -> {
                start.await();
                return throttle.admitLogin(email, "198.51.100.7");
            }));
        }
        List<Admission> admissions = new ArrayList<>();
        for (Future<Admission> attempt : attempts) {
            admissions.add(attempt.get());
        }
        threads.shutdown();

        assertEquals(5, admissions.stream().filter(Admission::admitted).count(), "admitted of " + parallel);
        assertEquals(1, admissions.stream().filter(a -> a.lockSetHere() != null).count(), "the one that locked");
        assertTrue(admissions.stream().filter(a -> !a.admitted()).allMatch(a -> a.refusal() == Refusal.ADDRESS_LOCKED));
        assertTrue(throttle.lockedUntil(email).isPresent());
    }

    @Test
    void aRightPasswordCountedBeforeAnotherAttemptsLockDoesNotLiftIt() throws Exception {
        String email = TestData.uniqueEmail("racing-owner");
        accounts.register(email, PASSWORD);
        Admission owners = throttle.admitLogin(email, "198.51.100.8");
        for (int i = 0; i < 4; i++) {
            throttle.failed(throttle.admitLogin(email, "198.51.100.9"));
        }
        assertTrue(throttle.lockedUntil(email).isPresent(), "the fourth wrong one locked the address");

        throttle.succeeded(owners);

        assertTrue(throttle.lockedUntil(email).isPresent(), "still locked");
        assertEquals(Status.INVALID, validate(email, PASSWORD).getStatus());
        assertTrue(throttle.lockedUntil(email).isPresent(), "a right password during the lock lifts nothing");
    }

    @Test
    void anUnknownAddressIsLockedLikeAKnownOne() throws Exception {
        String unknown = TestData.uniqueEmail("nobody");
        for (int i = 0; i < 5; i++) {
            assertEquals(Status.INVALID, validate(unknown, "guess " + i).getStatus());
        }

        assertTrue(throttle.lockedUntil(unknown).isPresent());
    }

    @Test
    void endedLimitsAreForgottenAndLiveOnesKept() throws Exception {
        String ended = "test:ended-" + System.nanoTime();
        String live = "test:live-" + System.nanoTime();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO login_limit (subject, failures, window_ends,"
                        + " locked_until) VALUES (?, 1, CURRENT_TIMESTAMP - INTERVAL '1' HOUR, ?)")) {
            insert.setString(1, ended);
            insert.setObject(2, null, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            insert.executeUpdate();
            insert.setString(1, live);
            insert.setObject(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).plusHours(1));
            insert.executeUpdate();
        }

        throttle.forgetEnded();

        assertEquals(0, countLimits(ended));
        assertEquals(1, countLimits(live));
    }

    private int countLimits(String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM login_limit WHERE subject = ?")) {
            select.setString(1, subject);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }

    private CredentialValidationResult validate(String email, String password) {
        return identityStore.validate(new UsernamePasswordCredential(email, password));
    }

    private String storedHash(long id) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT password_hash FROM account WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private int countAccounts(String email) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT COUNT(*) FROM account WHERE LOWER(email) = LOWER(?)")) {
            select.setString(1, email);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getInt(1);
            }
        }
    }
}
