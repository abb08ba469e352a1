package ru.storelink.testsupport;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.persistence.sessions.server.Server;
import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;
import org.eclipse.persistence.sessions.SessionEventManager;

/** Deployed with the tests only: counts the SQL statements EclipseLink sends while it is listening. */
@ApplicationScoped
public class SqlCounter {

    @PersistenceContext
    EntityManager em;

    private final AtomicInteger statements = new AtomicInteger();
    private final SessionEventAdapter listener = new SessionEventAdapter() {
        @Override
        public void preExecuteCall(SessionEvent event) {
            statements.incrementAndGet();
        }
    };

    public void start() {
        statements.set(0);
        events().addListener(listener);
    }

    public int stop() {
        events().removeListener(listener);
        return statements.get();
    }

    private SessionEventManager events() {
        return em.unwrap(Server.class).getEventManager();
    }
}
