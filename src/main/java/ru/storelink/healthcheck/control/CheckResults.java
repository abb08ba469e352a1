package ru.storelink.healthcheck.control;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.metrics.MetricRegistry;
import ru.storelink.connections.control.ConnectionStore.CheckedRow;
import ru.storelink.connections.control.ProbeResult;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.CheckOutcome;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.database.DatabaseMigration;
import ru.storelink.database.DatabaseTime;
import ru.storelink.database.LocalTransaction;
import ru.storelink.healthcheck.control.HealthRules.Health;
import ru.storelink.healthcheck.entity.ConnectionCheck;
import ru.storelink.texts.Message;

/**
 * Writes check results, many in one transaction: one thread takes whatever results are waiting (those that
 * ended while the previous transaction ran, up to {@link #MOST_PER_TRANSACTION}) and writes them with JDBC
 * batches on the checker's own pool. At 500 checks a second that is a handful per commit instead of a
 * commit, a connection checkout and five round trips for each; when the database is fast there is no
 * waiting for company, as a result that finds the writer idle is written at once.
 *
 * <p>A result is written only while its lease is ours (the health row's update counts say which were), so
 * a connection deleted, reconnected or reclaimed during its check is never resurrected or overwritten; its
 * connection row goes back untouched. When a transaction fails on its data, each of its results is tried
 * alone, so one bad row fails alone.
 */
@ApplicationScoped
public class CheckResults {

    private static final Logger LOG = Logger.getLogger(CheckResults.class.getName());

    /** Bounds one transaction's statements (and the time its row locks are held). */
    static final int MOST_PER_TRANSACTION = 200;

    /** A writer that has not answered by then is stuck; the caller's lease has long expired. */
    private static final Duration LONGEST_WAIT = Duration.ofMinutes(1);

    @Resource(lookup = DatabaseMigration.BACKGROUND_DATA_SOURCE)
    DataSource backgroundPool;

    @Resource
    ManagedThreadFactory threads;

    @Inject
    Services services;

    @Inject
    MetricRegistry metrics;

    @Inject
    Event<StateChanges> stateChanges;

    @Inject
    Event<TemporaryFailures> temporaryFailures;

    /**
     * One check's result: the card after it, what the probe found, and when its next interval starts (from
     * the write, never earlier: a check that ran late must not make the next one come sooner, or a connection
     * would be checked twice within an interval).
     */
    public record CheckResult(ClaimedCheck check, Health health, ProbeResult result, int latencyMs, Duration nextIntervalIn) {
    }

    private record Waiting(CheckResult result, CompletableFuture<Boolean> written) {
    }

    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private volatile Thread writer;
    private volatile int writing;
    private volatile boolean stopping;

    /**
     * Writes the result with whatever others are waiting, and returns once it is committed.
     *
     * @return false when the connection was deleted, reconnected or reclaimed meanwhile (nothing written)
     * @throws IllegalStateException when the database refused it; the lease expires and the check is repeated
     */
    public boolean write(CheckResult result) {
        Waiting waiting = new Waiting(result, new CompletableFuture<>());
        if (writer == null) {
            startWriter();
        }
        queue.add(waiting);
        if (stopping) {
            // Perhaps after the writer's last look at the queue: nobody else would answer.
            waiting.written().completeExceptionally(new IllegalStateException("Storelink is stopping"));
        }
        try {
            return waiting.written().get(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(result.check() + ": interrupted while its result was written", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(result.check() + ": its result could not be written", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(result.check() + ": the result writer did not answer within " + LONGEST_WAIT, e);
        }
    }

    /** Results waiting for the writer (the gauge {@code health_check_results_waiting}). */
    public int waiting() {
        return queue.size();
    }

    /** Results in the transaction being written now (the gauge {@code health_check_results_writing}). */
    public int writing() {
        return writing;
    }

    /**
     * Writes the results in one transaction: for each, its connection's two columns of the owner's plan, its
     * health row (only while the lease is ours), its slot of the history ring and, when its card's state
     * changed, the transition; the observers of {@link StateChanges} and {@link TemporaryFailures} write in
     * the same transaction. The connection rows are
     * locked first, in id order, as a new authorization or a deletion takes them before the health row.
     * About six round trips and one commit for all of them.
     *
     * @return for each result, in order, whether it was written
     */
    public boolean[] writeTogether(List<CheckResult> results) throws SQLException {
        try (Connection db = backgroundPool.getConnection()) {
            return writeTogether(db, results);
        }
    }

    private boolean[] writeTogether(Connection db, List<CheckResult> results) throws SQLException {
        return LocalTransaction.run(db, inIt -> writeIn(inIt, results));
    }

    private boolean[] writeIn(Connection db, List<CheckResult> results) throws SQLException {
        OffsetDateTime now = DatabaseTime.now(db);
        Map<ServiceType, List<Long>> idsByService = new LinkedHashMap<>();
        for (CheckResult result : results) {
            idsByService.computeIfAbsent(result.check().service(), service -> new ArrayList<>()).add(result.check().id());
        }
        for (Map.Entry<ServiceType, List<Long>> ids : idsByService.entrySet()) {
            services.of(ids.getKey()).store().lockForResults(db, ids.getValue());
        }
        boolean[] written = updateHealth(db, results, now);
        Map<ServiceType, List<CheckedRow>> rowsByService = new LinkedHashMap<>();
        List<CheckResult> writtenResults = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            if (written[i]) {
                CheckResult result = results.get(i);
                writtenResults.add(result);
                rowsByService.computeIfAbsent(result.check().service(), service -> new ArrayList<>())
                        .add(new CheckedRow(result.check().id(), result.health().online()));
            }
        }
        for (Map.Entry<ServiceType, List<CheckedRow>> rows : rowsByService.entrySet()) {
            services.of(rows.getKey()).store().recordChecks(db, rows.getValue(), now);
        }
        writeHistory(db, writtenResults, now);
        writeTransitions(db, writtenResults, now);
        tellTemporaryFailures(db, writtenResults, now);
        return written;
    }

    private void tellTemporaryFailures(Connection db, List<CheckResult> results, OffsetDateTime at) throws SQLException {
        List<TemporaryFailures.Failure> failures = results.stream()
                .filter(result -> result.result().outcome() == CheckOutcome.TEMPORARY)
                .map(result -> new TemporaryFailures.Failure(result.check().accountId(), result.check().service(),
                        result.check().id(), at))
                .toList();
        if (failures.isEmpty()) {
            return;
        }
        try {
            temporaryFailures.fire(new TemporaryFailures(db, failures));
        } catch (RuntimeException e) {
            throw sqlCause(e);
        }
    }

    /**
     * A result that changed its card's state appends the change, with the check's reason, and tells the
     * observers of {@link StateChanges} in the same transaction.
     */
    private void writeTransitions(Connection db, List<CheckResult> results, OffsetDateTime at) throws SQLException {
        List<CheckResult> changes = results.stream().filter(result -> result.health().state() != result.check().state()).toList();
        if (changes.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO connection_transition"
                + " (account_id, service, connection_id, from_state, to_state, reason, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CheckResult change : changes) {
                insert.setLong(1, change.check().accountId());
                insert.setString(2, change.check().service().key());
                insert.setLong(3, change.check().id());
                insert.setString(4, change.check().state().name());
                insert.setString(5, change.health().state().name());
                insert.setString(6, stored(change.result().reason()));
                insert.setObject(7, at);
                insert.addBatch();
            }
            insert.executeBatch();
        }
        List<StateChanges.Change> told = changes.stream().map(change -> new StateChanges.Change(change.check().accountId(),
                change.check().service(), change.check().id(), change.check().state(), change.health().state(),
                change.result().reason(), at)).toList();
        try {
            stateChanges.fire(new StateChanges(db, told));
        } catch (RuntimeException e) {
            throw sqlCause(e);
        }
    }

    /** An observer's database failure, as the writer handles its own (the transaction is retried result by result). */
    private static SQLException sqlCause(RuntimeException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                return sql;
            }
        }
        throw e;
    }

    /** The lease-checked health rows; an update count of 0 means the lease is no longer ours. */
    private static boolean[] updateHealth(Connection db, List<CheckResult> results, OffsetDateTime now) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE connection_health"
                + " SET state = ?, consecutive_failures = ?, last_check_outcome = ?, last_check_reason = ?, checked_at = ?,"
                + " scheduled_at = ?, history_next = ?, last_success_at = COALESCE(?, last_success_at),"
                + " lease_owner = NULL, lease_until = NULL"
                + " WHERE service = ? AND connection_id = ? AND lease_owner = ? AND lease_until > ?")) {
            for (CheckResult result : results) {
                ClaimedCheck check = result.check();
                update.setString(1, result.health().state().name());
                update.setInt(2, result.health().consecutiveFailures());
                update.setString(3, result.result().outcome().name());
                update.setString(4, stored(result.result().reason()));
                update.setObject(5, now);
                update.setObject(6, now.plus(result.nextIntervalIn()));
                update.setInt(7, (check.historySlot() + 1) % ConnectionCheck.SLOTS);
                if (result.result().outcome() == CheckOutcome.WORKS) {
                    update.setObject(8, now);
                } else {
                    update.setNull(8, Types.TIMESTAMP_WITH_TIMEZONE);
                }
                update.setString(9, check.service().key());
                update.setLong(10, check.id());
                update.setString(11, check.leaseOwner());
                update.setObject(12, now);
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            boolean[] written = new boolean[counts.length];
            for (int i = 0; i < counts.length; i++) {
                written[i] = counts[i] > 0;
            }
            return written;
        }
    }

    /** Overwrites each result's ring slot; the first 20 checks of a connection find theirs empty and insert it. */
    private static void writeHistory(Connection db, List<CheckResult> results, OffsetDateTime at) throws SQLException {
        if (results.isEmpty()) {
            return;
        }
        List<CheckResult> empty = new ArrayList<>();
        try (PreparedStatement update = db.prepareStatement("UPDATE connection_check"
                + " SET checked_at = ?, outcome = ?, latency_ms = ?, reason = ? WHERE service = ? AND connection_id = ? AND slot = ?")) {
            for (CheckResult result : results) {
                update.setObject(1, at);
                update.setString(2, result.result().outcome().name());
                update.setInt(3, result.latencyMs());
                update.setString(4, stored(result.result().reason()));
                update.setString(5, result.check().service().key());
                update.setLong(6, result.check().id());
                update.setInt(7, result.check().historySlot());
                update.addBatch();
            }
            int[] counts = update.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    empty.add(results.get(i));
                }
            }
        }
        if (empty.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO connection_check"
                + " (service, connection_id, slot, checked_at, outcome, latency_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            for (CheckResult result : empty) {
                insert.setString(1, result.check().service().key());
                insert.setLong(2, result.check().id());
                insert.setInt(3, result.check().historySlot());
                insert.setObject(4, at);
                insert.setString(5, result.result().outcome().name());
                insert.setInt(6, result.latencyMs());
                insert.setString(7, stored(result.result().reason()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private synchronized void startWriter() {
        if (writer == null && !stopping) {
            writer = threads.newThread(this::writeWhatIsWaiting);
            writer.setName("storelink-check-results");
            writer.start();
        }
    }

    private void writeWhatIsWaiting() {
        List<Waiting> batch = new ArrayList<>();
        while (!stopping) {
            try {
                Waiting first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MOST_PER_TRANSACTION - 1);
                writing = batch.size();
                write(batch);
            } catch (InterruptedException e) {
                break;
            } catch (RuntimeException e) {
                // Never let the writer die: every waiting check would hang until its own timeout.
                LOG.log(Level.SEVERE, "The check result writer failed unexpectedly", e);
                batch.forEach(waiting -> waiting.written().completeExceptionally(e));
            } finally {
                writing = 0;
                batch.clear();
            }
        }
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(waiting -> waiting.written().completeExceptionally(new IllegalStateException("Storelink is stopping")));
    }

    private void write(List<Waiting> batch) {
        List<CheckResult> results = batch.stream().map(Waiting::result).toList();
        Connection db;
        try {
            db = backgroundPool.getConnection();
        } catch (SQLException e) {
            fail(batch, e);
            return;
        }
        SQLException refused;
        try (db) {
            boolean[] written = writeTogether(db, results);
            metrics.histogram("health_check_results_per_transaction").update(batch.size());
            for (int i = 0; i < written.length; i++) {
                batch.get(i).written().complete(written[i]);
            }
            return;
        } catch (SQLException e) {
            refused = e;
        }
        if (batch.size() > 1 && !lostTheDatabase(refused)) {
            LOG.log(Level.WARNING, "A transaction of " + batch.size() + " check results failed; writing each alone", refused);
            batch.forEach(waiting -> write(List.of(waiting)));
            return;
        }
        fail(batch, refused);
    }

    /** No database, or it refused this one result: the checks are repeated once their leases expire. */
    private static void fail(List<Waiting> batch, SQLException cause) {
        LOG.log(Level.WARNING, batch.size() + " check result(s) not written; their leases will expire", cause);
        batch.forEach(waiting -> waiting.written().completeExceptionally(cause));
    }

    /** SQL state class 08 (connection exception): no point trying the results one by one. */
    private static boolean lostTheDatabase(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    /** The reason's code and arguments, as the columns (200 characters) keep them. */
    private static String stored(Message reason) {
        if (reason == null) {
            return null;
        }
        String encoded = reason.encoded();
        return encoded.length() <= 200 ? encoded : encoded.substring(0, 200);
    }

    /** Undeploy: results still waiting fail, and their leases expire; another sweep repeats those checks. */
    @PreDestroy
    synchronized void stop() {
        stopping = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
