-- The test-only warehouse service's table (ru.storelink.warehouse): a repeatable migration in a location
-- only the test deployment adds (db.migration-locations), so the real schema never has it.
CREATE SEQUENCE IF NOT EXISTS warehouse_connection_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE IF NOT EXISTS warehouse_connection (
    id                   BIGINT                   NOT NULL,
    account_id           BIGINT                   NOT NULL,
    warehouse_name       VARCHAR(500)             NOT NULL,
    access_token         VARCHAR(4000)            NOT NULL,
    refresh_token        VARCHAR(4000),
    token_expires_at     TIMESTAMP WITH TIME ZONE,
    is_online            BOOLEAN                  DEFAULT FALSE NOT NULL,
    last_checked_at      TIMESTAMP WITH TIME ZONE,
    connected_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT                   DEFAULT 0 NOT NULL,
    state                VARCHAR(24)              DEFAULT 'NOT_CHECKED' NOT NULL,
    last_success_at      TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER                  DEFAULT 0 NOT NULL,
    last_check_outcome   VARCHAR(24),
    last_check_reason    VARCHAR(200),
    lease_owner          VARCHAR(40),
    lease_until          TIMESTAMP WITH TIME ZONE,
    refresh_lease_owner  VARCHAR(40),
    refresh_lease_until  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT warehouse_connection_pk PRIMARY KEY (id),
    CONSTRAINT warehouse_connection_account_fk FOREIGN KEY (account_id) REFERENCES account (id) ON DELETE CASCADE,
    CONSTRAINT warehouse_connection_account_unique UNIQUE (account_id),
    CONSTRAINT warehouse_connection_state_known
        CHECK (state IN ('WORKING', 'NEEDS_RECONNECT', 'SERVICE_UNAVAILABLE', 'NOT_CHECKED', 'CANNOT_CHECK'))
);

-- The history goes with its connection, as Evotor's and VK's does.
ALTER TABLE connection_check ADD COLUMN IF NOT EXISTS warehouse_connection_id BIGINT
    REFERENCES warehouse_connection (id) ON DELETE CASCADE;
