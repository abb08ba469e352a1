-- Health over time (issue 13): the 30-day strip on every card and the incidents on the service page are read
-- from the transitions (V10); a closed day is summed up once per connection, so a strip reads at most 30 rows
-- whatever the connection went through, and only the days since the last roll-up from the transitions.
-- Portable across H2 2.x and PostgreSQL.

-- One connection's day in the shop's time zone (app.time-zone). A row exists only for a day on which something
-- happened: a day without one was spent all in the state the previous day ended in.
CREATE TABLE connection_day (
    service          VARCHAR(10) NOT NULL,
    connection_id    BIGINT      NOT NULL,
    local_day        DATE        NOT NULL,
    account_id       BIGINT      NOT NULL,
    -- Checks that failed for now while the card stayed as it was (amber): counted as they are written.
    troubled_checks  INT         NOT NULL DEFAULT 0,
    -- The roll-up, written once the day has ended; NULL until then. Seconds of the day in each kind of state
    -- (the rest was «Не проверялось», «Не удаётся проверить» or before the connection existed).
    working_seconds      INT,
    unavailable_seconds  INT,
    reconnect_seconds    INT,
    -- The state at the end of the day; NULL: the connection did not exist yet.
    end_state        VARCHAR(24),
    CONSTRAINT connection_day_pk PRIMARY KEY (service, connection_id, local_day),
    CONSTRAINT connection_day_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT connection_day_troubled_checks CHECK (troubled_checks >= 0),
    CONSTRAINT connection_day_rolled_up_whole
        CHECK ((working_seconds IS NULL AND unavailable_seconds IS NULL AND reconnect_seconds IS NULL)
               OR (working_seconds >= 0 AND unavailable_seconds >= 0 AND reconnect_seconds >= 0
                   AND working_seconds + unavailable_seconds + reconnect_seconds <= 90000)),
    CONSTRAINT connection_day_end_state_known
        CHECK (end_state IS NULL
               OR end_state IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK'))
);
-- The purge of days past the retention.
CREATE INDEX connection_day_by_day ON connection_day (local_day);

-- How far the roll-up has got: every day up to and including rolled_through is summed up. One row, locked by
-- the instance that rolls up, so instances take turns.
CREATE TABLE history_rollup (
    id              INT  NOT NULL,
    rolled_through  DATE,
    CONSTRAINT history_rollup_pk PRIMARY KEY (id),
    CONSTRAINT history_rollup_one_row CHECK (id = 1)
);
INSERT INTO history_rollup (id, rolled_through) VALUES (1, NULL);

-- The incidents page newest first by id (keyset paging), and the roll-up and the purge by time.
CREATE INDEX connection_transition_by_id ON connection_transition (service, connection_id, id);
CREATE INDEX connection_transition_by_time ON connection_transition (occurred_at);
