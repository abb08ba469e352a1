package ru.storelink.web;

import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * A form whose view state the server no longer has: the session expired, the server restarted, the form
 * was posted without a session, or the view state was forged. The visitor gets a 400 with a page that
 * explains this and links back, instead of a 500. Registered in faces-config.xml.
 */
public class ViewExpiredExceptionHandler extends ExceptionHandlerWrapper {

    static final String PAGE = "/WEB-INF/errors/expired.html";

    private static final Logger LOG = Logger.getLogger(ViewExpiredExceptionHandler.class.getName());

    public ViewExpiredExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                events.hasNext();) {
            Throwable exception = events.next().getContext().getException();
            if (getRootCause(exception) instanceof ViewExpiredException expired && !faces.getResponseComplete()) {
                events.remove();
                LOG.info(() -> "View state of " + expired.getViewId() + " not found (expired or forged)");
                showExpiredPage(faces);
            }
        }
        getWrapped().handle();
    }

    private static void showExpiredPage(FacesContext faces) {
        ExternalContext external = faces.getExternalContext();
        try {
            if (faces.getPartialViewContext().isAjaxRequest()) {
                // An Ajax response cannot carry a page: send the browser to a fresh copy of the view.
                external.redirect(external.getRequestContextPath() + external.getRequestServletPath());
            } else {
                external.setResponseStatus(400);
                external.dispatch(PAGE);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot show the expired-view page", e);
        }
        faces.responseComplete();
    }

    /** Registered in faces-config.xml. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new ViewExpiredExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
