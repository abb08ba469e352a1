package ru.storelink.connections.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.evotor.control.EvotorConnections;
import ru.storelink.healthcheck.control.ManualChecks;
import ru.storelink.vk.control.VkConnections;

/**
 * Backs connections.xhtml: one card per connected service. Rendering costs two queries, one per
 * connection table, filtered by the signed-in account (whose id the session already holds). The page
 * polls itself, so a card changes colour when the background checker changes its status.
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

    @Inject
    ManualChecks manualChecks;

    @Inject
    @ConfigProperty(name = "health-check.dashboard-refresh-seconds", defaultValue = "15")
    int refreshSeconds;

    private ConnectionCard evotorCard;
    private ConnectionCard vkCard;

    @PostConstruct
    void load() {
        long accountId = account.id();
        evotorCard = evotor.of(accountId).map(c -> card(ServiceType.EVOTOR, c, c.getStoreName())).orElse(null);
        vkCard = vk.of(accountId).map(c -> card(ServiceType.VK, c, c.getFirstName() + " " + c.getLastName())).orElse(null);
    }

    /** «Проверить сейчас» ({@code evotor} or {@code vk}): checks at once and re-renders the cards. */
    public void checkNow(String service) {
        FacesContext faces = FacesContext.getCurrentInstance();
        ServiceType.byKey(service)
                .flatMap(type -> manualChecks.checkNow(type, account.id()))
                .ifPresent(text -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null)));
        load();
    }

    private ConnectionCard card(ServiceType type, ProviderConnection connection, String details) {
        return new ConnectionCard(type, details, connection.getState(), times.format(connection.getLastCheckedAt()),
                ConnectionCard.note(connection), providers.of(type).demo());
    }

    public ConnectionCard getEvotorCard() {
        return evotorCard;
    }

    public ConnectionCard getVkCard() {
        return vkCard;
    }

    public boolean isNoConnections() {
        return evotorCard == null && vkCard == null;
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }
}
