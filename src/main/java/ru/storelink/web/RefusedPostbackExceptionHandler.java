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
import org.primefaces.csp.CspException;

/**
 * Form posts we refuse with a 400 and an explanation instead of a 500:
 * <ul>
 * <li>view state the server does not have ({@link ViewExpiredException}): the session expired, the server
 * restarted, the form was posted without a session, or the view state was forged;</li>
 * <li>a PrimeFaces CSP nonce that does not match the page's ({@link CspException}): the post was not made
 * by the page we rendered.</li>
 * </ul>
 * Registered in faces-config.xml.
 */
public class RefusedPostbackExceptionHandler extends ExceptionHandlerWrapper {

    static final String EXPIRED_PAGE = "/WEB-INF/errors/expired.html";
    static final String BAD_REQUEST_PAGE = "/WEB-INF/errors/400.html";

    private static final Logger LOG = Logger.getLogger(RefusedPostbackExceptionHandler.class.getName());

    public RefusedPostbackExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator();
                events.hasNext();) {
            Throwable cause = getRootCause(events.next().getContext().getException());
            String page = pageFor(cause);
            if (page != null && !faces.getResponseComplete()) {
                events.remove();
                LOG.info(() -> "Refused a postback to " + faces.getExternalContext().getRequestServletPath()
                        + ": " + cause.getClass().getSimpleName());
                show(faces, page);
            }
        }
        getWrapped().handle();
    }

    private static String pageFor(Throwable cause) {
        if (cause instanceof ViewExpiredException) {
            return EXPIRED_PAGE;
        }
        if (cause instanceof CspException) {
            return BAD_REQUEST_PAGE;
        }
        return null;
    }

    private static void show(FacesContext faces, String page) {
        ExternalContext external = faces.getExternalContext();
        try {
            if (faces.getPartialViewContext().isAjaxRequest()) {
                // An Ajax response cannot carry a page: send the browser to a fresh copy of the view.
                external.redirect(external.getRequestContextPath() + external.getRequestServletPath());
            } else {
                external.setResponseStatus(400);
                external.dispatch(page);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot show " + page, e);
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
            return new RefusedPostbackExceptionHandler(getWrapped().getExceptionHandler());
        }
    }
}
