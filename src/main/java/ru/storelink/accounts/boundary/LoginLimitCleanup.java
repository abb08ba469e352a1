package ru.storelink.accounts.boundary;

import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import ru.storelink.accounts.control.LoginThrottle;

/**
 * Every ten minutes, forgets the failed-login counts whose window and lock have ended: a flood of logins
 * with made-up addresses leaves one row each, and they must not pile up. Non-persistent, so every instance
 * runs it; deleting what another instance already deleted costs nothing.
 */
@Singleton
@DependsOn("DatabaseMigration")
public class LoginLimitCleanup {

    private static final Logger LOG = Logger.getLogger(LoginLimitCleanup.class.getName());

    @Inject
    LoginThrottle throttle;

    @Schedule(minute = "*/10", hour = "*", persistent = false, info = "login-limit cleanup")
    void forgetEnded() {
        int deleted = throttle.forgetEnded();
        if (deleted > 0) {
            LOG.info(() -> "Forgot " + deleted + " ended login limits");
        }
    }
}
