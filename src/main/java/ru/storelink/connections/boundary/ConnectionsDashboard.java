package ru.storelink.connections.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.ConnectionStatus;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.vk.control.VkConnections;

/**
 * Backs connections.xhtml: one card per connected service. Rendering costs two queries, one per
 * connection table, filtered by the signed-in account (whose id the session already holds).
 */
@Named
@RequestScoped
public class ConnectionsDashboard {

    @Inject
    SignedInAccount account;

    @Inject
    EvotorConnections evotor;

    @Inject
    VkConnections vk;

    @Inject
    ProviderConfiguration providers;

    @Inject
    CheckTimes times;

    private final List<ConnectionCard> cards = new ArrayList<>();

    @PostConstruct
    void load() {
        long accountId = account.id();
        evotor.of(accountId).ifPresent(c -> cards.add(card(ServiceType.EVOTOR, c, c.getStoreName())));
        vk.of(accountId).ifPresent(c -> cards.add(card(ServiceType.VK, c, c.getFirstName() + " " + c.getLastName())));
    }

    private ConnectionCard card(ServiceType type, ProviderConnection connection, String details) {
        return new ConnectionCard(type, details, ConnectionStatus.of(connection),
                times.format(connection.getLastCheckedAt()), providers.of(type).demo());
    }

    public List<ConnectionCard> getCards() {
        return cards;
    }

    public boolean isNoConnections() {
        return cards.isEmpty();
    }
}
