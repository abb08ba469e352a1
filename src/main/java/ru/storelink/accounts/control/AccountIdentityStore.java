package ru.storelink.accounts.control;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.accounts.entity.Account;

/**
 * The database identity store behind form login. It owns the throttle too, so no authentication path can
 * skip it: a locked account is refused without even hashing the password.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());

    @Inject
    Accounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    LoginThrottle throttle;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String password = credential.getPasswordAsString();
        if (!CredentialRules.plausibleLogin(credential.getCaller(), password)) {
            return INVALID_RESULT;
        }
        Optional<Account> found = accounts.findByEmail(credential.getCaller());
        if (found.isEmpty()) {
            hashing.spendTimeOnUnknownAccount(password);
            LOG.info("Failed login for an unknown email");
            return INVALID_RESULT;
        }
        Account account = found.get();
        if (throttle.lockedUntil(account).isPresent()) {
            LOG.info(() -> "Login refused for locked account " + account.getId());
            return INVALID_RESULT;
        }
        if (!hashing.matches(password, account.getPasswordHash())) {
            throttle.recordFailure(account.getId());
            return INVALID_RESULT;
        }
        throttle.recordSuccess(account.getId());
        LOG.info(() -> "Account " + account.getId() + " signed in");
        return new CredentialValidationResult(account.getEmail());
    }
}
