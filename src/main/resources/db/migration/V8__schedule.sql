-- A schedule the claim can walk by an index (issue 11): every connection has the start of its current interval,
-- scheduled_at, and is due once that is an interval old (the interval is read afresh at every claim, so an
-- admin's change applies at once). Unlike checked_at, it is never NULL — a never-checked connection starts at
-- the epoch, so it is due first. Portable across H2 2.x and PostgreSQL.
ALTER TABLE connection_health ADD COLUMN scheduled_at TIMESTAMP WITH TIME ZONE
    DEFAULT TIMESTAMP WITH TIME ZONE '1970-01-01 00:00:00+00:00' NOT NULL;
UPDATE connection_health SET scheduled_at = checked_at WHERE checked_at IS NOT NULL;

DROP INDEX connection_health_due;
CREATE INDEX connection_health_due ON connection_health (service, scheduled_at);
