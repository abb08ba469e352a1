package ru.storelink.dashboard.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import ru.storelink.accounts.control.SignedInAccount;
import ru.storelink.connections.control.CheckTimes;
import ru.storelink.connections.control.ConnectableService;
import ru.storelink.connections.control.ProviderConfiguration;
import ru.storelink.connections.control.Services;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.healthcheck.control.HealthStore;
import ru.storelink.healthcheck.control.HealthStore.Watched;
import ru.storelink.history.control.HealthHistory;
import ru.storelink.history.control.HistoryWords;
import ru.storelink.history.control.IncidentPage;

/**
 * Backs the part that every service's page shares (WEB-INF/templates/service-page.xhtml): the signed-in
 * owner's connection of that service, its state, its check history and its health over time. Read once per
 * request and service.
 */
@Named
@RequestScoped
public class ServicePages {

    /** The incidents page's link parameter: the oldest incident of the page before. */
    public static final String BEFORE = "incidents-before";

    private static final Logger LOG = Logger.getLogger(ServicePages.class.getName());

    @Inject
    SignedInAccount account;

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

    @Inject
    HttpServletRequest request;

    private final Map<String, ServiceView> views = new HashMap<>();

    /** The page of the service with this key (the service's own page names it). */
    public ServiceView of(String key) {
        return views.computeIfAbsent(key, this::read);
    }

    private ServiceView read(String key) {
        ConnectableService service = services.byKey(key).orElseThrow(() -> new IllegalArgumentException("No service " + key));
        boolean demo = providers.of(service.type()).demo();
        Optional<Watched> found = health.ofAccount(service, account.id());
        if (found.isEmpty()) {
            return new ServiceView(service.type(), demo, null, null);
        }
        long connectionId = found.get().connection().getId();
        ConnectionDetails details = ConnectionDetails.of(found.get().connection(), found.get().health(), times,
                health.history(service.type(), connectionId));
        return new ServiceView(service.type(), demo, details, reliability(service.type(), connectionId));
    }

    /** The strip and the page of incidents the link asks for ({@value #BEFORE}: older than that incident). */
    private Reliability reliability(ServiceType type, long connectionId) {
        Instant now = Instant.now();
        String asked = request.getParameter(BEFORE);
        Long before = null;
        boolean refused = false;
        if (asked != null) {
            if (asked.matches("[1-9][0-9]{0,17}")) {
                before = Long.valueOf(asked);
            } else {
                refused = true;
                LOG.info(() -> "Incidents page refused: " + BEFORE + " is not an incident's number (" + asked.length() + " characters)");
            }
        }
        IncidentPage page = history.incidents(type, connectionId, before);
        List<Reliability.Line> lines = page.incidents().stream()
                .map(incident -> new Reliability.Line(HistoryWords.incident(incident, type, history.zone(), now), incident.ongoing()))
                .toList();
        return new Reliability(StripView.of(history.strip(type, connectionId, now)), lines, page.olderBefore(), before != null, refused);
    }
}
