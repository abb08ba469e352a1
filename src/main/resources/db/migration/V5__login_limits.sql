-- Failed-login limits, shared by every instance on this database (README, "Security notes"). One row per
-- limited subject:
--   'email:<SHA-256 of the normalised address, hex>'  attempts on one address, registered or not (an unknown
--                                                      address is limited exactly like a known one, so the
--                                                      answer never tells which addresses have accounts);
--   'ip:<client address>'                             wrong passwords from one client address;
--   'global'                                          wrong passwords from anywhere.
-- Rows are short-lived: a timer deletes those whose window and lock have both ended.
CREATE TABLE login_limit (
    subject      VARCHAR(80)              NOT NULL,
    -- Attempts (for an address: every password checked, counted before the check) in the current window.
    failures     INTEGER                  DEFAULT 0 NOT NULL,
    -- End of the current counting window; NULL: no window open.
    window_ends  TIMESTAMP WITH TIME ZONE,
    -- End of the lock; NULL or in the past: not locked.
    locked_until TIMESTAMP WITH TIME ZONE,
    CONSTRAINT login_limit_pk PRIMARY KEY (subject),
    CONSTRAINT login_limit_failures_not_negative CHECK (failures >= 0)
);

-- The per-account counters of V1 are replaced by the 'email:' rows above (one place decides a lock).
ALTER TABLE account DROP COLUMN failed_logins;
ALTER TABLE account DROP COLUMN locked_until;
