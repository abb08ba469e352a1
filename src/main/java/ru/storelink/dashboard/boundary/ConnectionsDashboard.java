package ru.storelink.dashboard.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import ru.storelink.accounts.boundary.SessionLimits;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.dashboard.control.RefreshPasses;
import ru.storelink.healthcheck.control.ManualChecks;
import ru.storelink.notifications.control.ProviderOutages;
import ru.storelink.texts.Texts;

/**
 * Backs connections.xhtml: one card per connected service ({@link Cards}), filtered by the signed-in account
 * whose id the session already holds. The page asks for its cards' status every few seconds (DashboardEndpoints),
 * so a card changes colour when the background checker changes its status.
 */
@Named
@RequestScoped
public class ConnectionsDashboard {

    @Inject
    ProviderOutages outages;

    @Inject
    SignedInAccount account;

    @Inject
    Services services;

    @Inject
    Cards allCards;

    @Inject
    ManualChecks manualChecks;

    @Inject
    RefreshPasses passes;

    @Inject
    HttpServletRequest request;

    @Inject
    @ConfigProperty(name = "health-check.dashboard-refresh-seconds", defaultValue = "15")
    int refreshSeconds;

    private List<ConnectionCard> cards;

    @Inject
    Attention attention;

    @PostConstruct
    void load() {
        cards = allCards.withHistory(attention.cards());
    }

    /** Lets the page's refresh ask for the cards without the session (see {@link RefreshPasses}), until the session would end. */
    public String getRefreshPass() {
        return passes.issue(account.id(), SessionLimits.endOf(request));
    }

    /** «Проверить сейчас» (a service key): checks at once and re-renders the cards. */
    public void checkNow(String service) {
        FacesContext faces = FacesContext.getCurrentInstance();
        services.byKey(service).ifPresent(found -> {
            String text = text(found.type(), manualChecks.checkNow(found.type(), account.id()));
            faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
        });
        attention.forget();
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

    public List<ConnectionCard> getCards() {
        return cards;
    }

    /** One banner per provider in an outage: the owner's own connections are fine, and nobody reconnects. */
    public List<String> getOutageBanners() {
        return outages.down().stream().map(service -> Texts.render("outage.banner", service.title())).toList();
    }

    public boolean isNoConnections() {
        return cards.isEmpty();
    }

    public int getRefreshSeconds() {
        return refreshSeconds;
    }
}
