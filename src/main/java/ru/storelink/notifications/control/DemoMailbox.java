package ru.storelink.notifications.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import ru.storelink.notifications.entity.DemoMail;

/** Demo mode's mailbox: the e-mails a deployment would send, each kept for its owner only. */
@ApplicationScoped
public class DemoMailbox {

    /** The page shows the newest; older ones stay until purged. */
    static final int SHOWN = 50;

    @PersistenceContext
    EntityManager em;

    /** Kept in its own transaction, as an SMTP delivery is done once it returns. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void keep(Mail mail) {
        em.persist(new DemoMail(mail.accountId(), mail.to(), shortened(mail.subject(), 300), shortened(mail.text(), 20000),
                mail.action().label(), shortened(mail.action().url(), 500), mail.messageId(), OffsetDateTime.now(ZoneOffset.UTC)));
    }

    /** The owner's mails, newest first. */
    public List<DemoMail> of(long accountId) {
        return em.createNamedQuery(DemoMail.OF_ACCOUNT, DemoMail.class)
                .setParameter("accountId", accountId)
                .setMaxResults(SHOWN)
                .getResultList();
    }

    @Transactional
    public int purge(Duration age) {
        return em.createQuery("DELETE FROM DemoMail m WHERE m.sentAt < :before")
                .setParameter("before", OffsetDateTime.now(ZoneOffset.UTC).minus(age))
                .executeUpdate();
    }

    private static String shortened(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
