package ru.storelink.connections.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Times as the owner reads them: dd.MM.yyyy HH:mm in the shop's time zone ({@code app.time-zone}). */
@ApplicationScoped
public class CheckTimes {

    static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    @Inject
    @ConfigProperty(name = "app.time-zone", defaultValue = "Europe/Moscow")
    String timeZone;

    private ZoneId zone;

    @PostConstruct
    void configure() {
        zone = ZoneId.of(timeZone);
    }

    public String format(OffsetDateTime time) {
        return time == null ? "" : FORMAT.format(time.atZoneSameInstant(zone));
    }

    /** The shop's time zone: its days are the days of the health over time. */
    public ZoneId zone() {
        return zone;
    }
}
