package ru.storelink.dashboard.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ProviderConnection;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.HealthStore;
import ru.storelink.healthcheck.control.HealthStore.Watched;
import ru.storelink.healthcheck.control.ManualChecks;
import ru.storelink.texts.Texts;

/**
 * Backs connections.xhtml: one card per connected service. Rendering costs one query per service (the
 * connection joined with its health, filtered by the signed-in account whose id the session already holds). The page polls itself, so a card changes
 * colour when the background checker changes its status.
 */
@Named
@RequestScoped
public class ConnectionsDashboard {

    @Inject
    SignedInAccount account;

    @Inject
    Services services;

    @Inject
    ProviderConfiguration providers;

    @Inject
    CheckTimes times;

    @Inject
    ManualChecks manualChecks;

    @Inject
    HealthStore health;

    @Inject
    @ConfigProperty(name = "health-check.dashboard-refresh-seconds", defaultValue = "15")
    int refreshSeconds;

    private List<ConnectionCard> cards;

    @PostConstruct
    void load() {
        long accountId = account.id();
        cards = services.all().stream()
                .flatMap(service -> health.ofAccount(service, accountId).map(found -> card(service, found)).stream())
                .toList();
    }

    /** «Проверить сейчас» (a service key): checks at once and re-renders the cards. */
    public void checkNow(String service) {
        FacesContext faces = FacesContext.getCurrentInstance();
        services.byKey(service).ifPresent(found -> {
            String text = text(found.type(), manualChecks.checkNow(found.type(), account.id()));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        });
        load();
    }

    private static String text(ServiceType type, ManualChecks.Result result) {
        if (result instanceof ManualChecks.TooSoon soon) {
            return Texts.render("manual.too-soon", type.title(), soon.seconds());
        }
        if (result instanceof ManualChecks.Checked checked) {
            return Texts.render("manual.checked", type.title(), Texts.render(checked.state().getTextCode()).toLowerCase(Texts.RUSSIAN));
        }
        return Texts.render("manual.in-progress", type.title());
    }

    private ConnectionCard card(ConnectableService service, Watched found) {
        ProviderConnection connection = found.connection();
        ServiceType type = service.type();
        return new ConnectionCard(type, service.store().describe(connection), ConnectionCard.status(found.health()),
                times.format(connection.getLastCheckedAt()), ConnectionCard.note(found.health()), providers.of(type).demo());
    }

    public List<ConnectionCard> getCards() {
        return cards;
    }

    public boolean isNoConnections() {
        return cards.isEmpty();
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }
}
