package ru.storelink.dashboard.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.HealthStore;
import ru.storelink.healthcheck.control.HealthStore.Watched;
import ru.storelink.history.control.HealthHistory;
import ru.storelink.history.control.HealthHistory.Tracked;
import ru.storelink.history.control.Strip;

/**
 * An account's cards, for the page and for its refresh: one query per service (the connection joined with its
 * health), and for the page the strips of all cards together ({@link HealthHistory#strips}).
 */
@ApplicationScoped
public class Cards {

    @Inject
    Services services;

    @Inject
    ProviderConfiguration providers;

    @Inject
    CheckTimes times;

    @Inject
    HealthStore health;

    @Inject
    HealthHistory history;

    /** The cards as the refresh and the navbar's badge need them: without their history. */
    public List<ConnectionCard> of(long accountId) {
        return services.all().stream()
                .flatMap(service -> health.ofAccount(service, accountId).map(found -> card(service, found)).stream())
                .toList();
    }

    /** The same cards with their 30-day strips, for the page itself. */
    public List<ConnectionCard> withHistory(List<ConnectionCard> cards) {
        Map<Tracked, Strip> strips = history.strips(cards.stream().map(Cards::tracked).toList(), Instant.now());
        return cards.stream().map(card -> card.withStrip(StripView.of(strips.get(tracked(card))))).toList();
    }

    private static Tracked tracked(ConnectionCard card) {
        return new Tracked(card.type(), card.connectionId());
    }

    private ConnectionCard card(ConnectableService service, Watched found) {
        ProviderConnection connection = found.connection();
        ServiceType type = service.type();
        return new ConnectionCard(type, connection.getId(), service.store().describe(connection), ConnectionCard.status(found.health()),
                times.format(connection.getLastCheckedAt()), ConnectionCard.note(found.health()), providers.of(type).demo(), null);
    }
}
