package ru.storelink.accounts.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.accounts.entity.Account;

/** Creating and finding accounts. */
@ApplicationScoped
public class Accounts {

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    public Optional<Account> findByEmail(String email) {
        return em.createNamedQuery(Account.BY_EMAIL, Account.class)
                .setParameter("email", CredentialRules.normalizeEmail(email))
                .getResultStream()
                .findFirst();
    }

    /**
     * Creates an account; the caller has checked the rules in {@link CredentialRules}. The unique constraint
     * on the normalised email decides races between two registrations of one address.
     *
     * <p>A taken address costs what a new one does: the password is hashed first either way, and where a new
     * account's owner is then signed in (one more hash), a taken address gets one decoy hash. Otherwise the
     * answer time alone would tell who is registered. Both hashes run in hashing turns.
     *
     * @throws HashingBusyException when no hashing turn is free
     */
    @Transactional(rollbackOn = EmailTakenException.class)
    public Account register(String email, String password) throws EmailTakenException {
        String normalized = CredentialRules.normalizeEmail(email);
        String hash = hashing.inTurn(() -> hashing.hash(password));
        if (findByEmail(normalized).isPresent()) {
            throw taken(password);
        }
        Account account = new Account(normalized, hash);
        try {
            em.persist(account);
            em.flush();
        } catch (PersistenceException e) {
            // Lost a race with a concurrent registration of the same address.
            throw taken(password);
        }
        LOG.info(() -> "Account " + account.getId() + " registered");
        return account;
    }

    private EmailTakenException taken(String password) {
        hashing.inTurn(() -> {
            hashing.spendTimeOnUnknownAccount(password);
            return null;
        });
        return new EmailTakenException();
    }
}
