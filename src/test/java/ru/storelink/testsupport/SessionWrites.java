package ru.storelink.testsupport;

import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionAttributeListener;
import jakarta.servlet.http.HttpSessionBindingEvent;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Deployed with the test suite only: counts every change to any session (created, attribute added, replaced
 * or removed), so that an in-container test can prove a request leaves the session alone.
 */
@WebListener
public class SessionWrites implements HttpSessionAttributeListener, HttpSessionListener {

    private static final AtomicLong CHANGES = new AtomicLong();

    public static long count() {
        return CHANGES.get();
    }

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        CHANGES.incrementAndGet();
    }

    @Override
    public void attributeAdded(HttpSessionBindingEvent event) {
        CHANGES.incrementAndGet();
    }

    @Override
    public void attributeReplaced(HttpSessionBindingEvent event) {
        CHANGES.incrementAndGet();
    }

    @Override
    public void attributeRemoved(HttpSessionBindingEvent event) {
        CHANGES.incrementAndGet();
    }
}
