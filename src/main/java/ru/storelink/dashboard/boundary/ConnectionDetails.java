package ru.storelink.dashboard.boundary;

import java.io.Serializable;
import java.util.List;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.entity.ConnectionStatus;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.healthcheck.entity.ConnectionCheck;
import ru.storelink.healthcheck.entity.ConnectionHealth;
import ru.storelink.texts.Message;
import ru.storelink.texts.Texts;

/** What a service's page shows about the connection itself, copied out of the entities. */
public record ConnectionDetails(ConnectionStatus status, String lastChecked, String lastSuccess, String connectedAt,
        String note, List<HistoryRow> history) implements Serializable {

    /** One line of «История проверок». */
    public record HistoryRow(String checkedAt, String outcome, int latencyMs, String reason) implements Serializable {

        public String getCheckedAt() {
            return checkedAt;
        }

        public String getOutcome() {
            return outcome;
        }

        public int getLatencyMs() {
            return latencyMs;
        }

        public String getReason() {
            return reason;
        }
    }

    /** @param health null while the checker has none (a row written past the application) */
    public static ConnectionDetails of(ProviderConnection connection, ConnectionHealth health, CheckTimes times,
            List<ConnectionCheck> checks) {
        return new ConnectionDetails(ConnectionCard.status(health), times.format(connection.getLastCheckedAt()),
                times.format(health == null ? null : health.getLastSuccessAt()), times.format(connection.getConnectedAt()),
                ConnectionCard.note(health),
                checks.stream().map(check -> new HistoryRow(times.format(check.getCheckedAt()),
                        Texts.render("outcome." + check.getOutcome().name()), check.getLatencyMs(),
                        Message.decoded(check.getReason()).map(Texts::render).orElse(""))).toList());
    }

    public ConnectionStatus getStatus() {
        return status;
    }

    public String getLastChecked() {
        return lastChecked;
    }

    public String getLastSuccess() {
        return lastSuccess;
    }

    public String getConnectedAt() {
        return connectedAt;
    }

    public String getNote() {
        return note;
    }

    public List<HistoryRow> getHistory() {
        return history;
    }
}
