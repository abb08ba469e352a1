package ru.storelink.accounts.control;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.INVALID_RESULT;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.accounts.control.LoginOutcome.Kind;
import ru.storelink.accounts.control.LoginThrottle.Admission;
import ru.storelink.accounts.entity.Account;

/**
 * The database identity store behind form login. It owns the throttle and the hashing turns too, so no
 * authentication path can skip them. The order matters: a hashing turn first (refused at once when none
 * is free, before any database work), then the throttle counts the attempt (a locked address or client is
 * refused without hashing), then exactly one hash — for an unknown address a decoy one, so that known and
 * unknown addresses cost and answer the same.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(AccountIdentityStore.class.getName());
    private static final RefusalLog REFUSALS = new RefusalLog(LOG);

    @Inject
    Accounts accounts;

    @Inject
    PasswordHashing hashing;

    @Inject
    LoginThrottle throttle;

    @Inject
    LoginOutcome outcome;

    @Inject
    HttpServletRequest request;

    /** What happened inside the hashing turn. */
    private record Checked(Admission admission, Account account, Long triedAccountId) {
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String email = credential.getCaller();
        String password = credential.getPasswordAsString();
        if (!CredentialRules.plausibleLogin(email, password)) {
            outcome.record(Kind.WRONG_CREDENTIALS, null);
            return INVALID_RESULT;
        }
        Checked checked;
        try {
            checked = hashing.inTurn(() -> check(email, password));
        } catch (HashingBusyException e) {
            REFUSALS.refused("password hashing busy", ThrottleKeys.client(request.getRemoteAddr()));
            outcome.record(Kind.TOO_MANY_ATTEMPTS, null);
            return INVALID_RESULT;
        }
        Admission admission = checked.admission();
        if (!admission.admitted()) {
            outcome.record(admission.refusal() == LoginThrottle.Refusal.ADDRESS_LOCKED
                    ? Kind.ADDRESS_LOCKED : Kind.TOO_MANY_ATTEMPTS, admission.until());
            return INVALID_RESULT;
        }
        Account account = checked.account();
        if (account == null) {
            throttle.failed(admission);
            LOG.info(() -> "Failed login for " + (checked.triedAccountId() == null ? "an unknown address"
                    : "account " + checked.triedAccountId()) + " from " + admission.clientKey()
                    + (admission.lockSetHere() == null ? "" : "; the address is locked now"));
            outcome.record(admission.lockSetHere() == null ? Kind.WRONG_CREDENTIALS : Kind.ADDRESS_LOCKED,
                    admission.lockSetHere());
            return INVALID_RESULT;
        }
        throttle.succeeded(admission);
        outcome.record(Kind.SIGNED_IN, null);
        LOG.info(() -> "Account " + account.getId() + " signed in");
        return new CredentialValidationResult(account.getEmail());
    }

    /**
     * Inside a hashing turn: the throttle's admission and, when admitted, one hash. The account is returned
     * only when the password matched.
     */
    private Checked check(String email, String password) {
        Admission admission = throttle.admitLogin(email, request.getRemoteAddr());
        if (!admission.admitted()) {
            return new Checked(admission, null, null);
        }
        Optional<Account> found = accounts.findByEmail(email);
        if (found.isEmpty()) {
            hashing.spendTimeOnUnknownAccount(password);
            return new Checked(admission, null, null);
        }
        boolean right = hashing.matches(password, found.get().getPasswordHash());
        return new Checked(admission, right ? found.get() : null, found.get().getId());
    }
}
