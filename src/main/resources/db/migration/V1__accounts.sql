-- Accounts of shop owners. Portable across H2 2.x and PostgreSQL.

-- EclipseLink pre-allocates ids in blocks of 50 and treats the value it reads as the END of a block,
-- so the sequence starts at the block size: starting at 1 would hand out negative ids.
CREATE SEQUENCE account_id_seq START WITH 50 INCREMENT BY 50;

CREATE TABLE account (
    id            BIGINT                   NOT NULL,
    -- Always stored trimmed and lower-cased by the application, so this UNIQUE constraint is what makes
    -- "Shop@Example.ru" and "shop@example.ru" one account even when two registrations race.
    email         VARCHAR(254)             NOT NULL,
    -- "PBKDF2WithHmacSHA256:<iterations>:<salt>:<hash>", the format of Jakarta Security's Pbkdf2PasswordHash.
    password_hash VARCHAR(512)             NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Login throttling: consecutive failures since the last success or lock-out, and the lock-out end.
    failed_logins INTEGER                  DEFAULT 0 NOT NULL,
    locked_until  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT account_pk PRIMARY KEY (id),
    CONSTRAINT account_email_unique UNIQUE (email)
);
