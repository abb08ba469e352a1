package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.LocalTime;
import ru.storelink.notifications.entity.NotificationSettings;

/** Each owner's notification settings; only ever by the signed-in owner's own account id. */
@ApplicationScoped
public class Preferences {

    @PersistenceContext
    EntityManager em;

    /** The owner's settings, or the defaults when they never saved any. */
    public NotificationSettings of(long accountId) {
        NotificationSettings settings = em.find(NotificationSettings.class, accountId);
        return settings != null ? settings : NotificationSettings.defaults(accountId);
    }

    /** Sets the owner's webhook with a new secret (sealed), replacing any former one. */
    @Transactional
    public void saveWebhook(long accountId, String url, String sealedSecret) {
        stored(accountId).webhook(url, sealedSecret);
    }

    /** @return whether there was one */
    @Transactional
    public boolean removeWebhook(long accountId) {
        NotificationSettings settings = em.find(NotificationSettings.class, accountId);
        if (settings == null || settings.getWebhookUrl() == null) {
            return false;
        }
        settings.webhook(null, null);
        return true;
    }

    @Transactional
    public void save(long accountId, boolean broken, boolean unavailable, boolean recovered, LocalTime quietFrom, LocalTime quietUntil) {
        stored(accountId).change(broken, unavailable, recovered, quietFrom, quietUntil);
    }

    /** The owner's row, made from the defaults on their first change (a refused change rolls it back). */
    private NotificationSettings stored(long accountId) {
        NotificationSettings settings = em.find(NotificationSettings.class, accountId);
        if (settings == null) {
            settings = NotificationSettings.defaults(accountId);
            em.persist(settings);
        }
        return settings;
    }
}
