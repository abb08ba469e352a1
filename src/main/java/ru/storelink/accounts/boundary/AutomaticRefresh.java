package ru.storelink.accounts.boundary;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.primefaces.component.poll.Poll;

/**
 * Tells the owner's own Faces Ajax requests from the ones a page makes by itself: a request whose source
 * component is a PrimeFaces {@code <p:poll>} (the dashboard's card refresh) is not the owner's activity and
 * does not extend the idle time of {@link SessionLimits}; every other Ajax request does. Looking at the
 * component, not at its id, keeps any future poll on any page covered. Registered in faces-config.xml.
 */
public class AutomaticRefresh implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void afterPhase(PhaseEvent event) {
        FacesContext faces = event.getFacesContext();
        if (!faces.getPartialViewContext().isAjaxRequest() || faces.getViewRoot() == null) {
            return;
        }
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        HttpSession session = request.getSession(false);
        if (session == null || request.getRemoteUser() == null || isPoll(faces)) {
            return;
        }
        SignedInSession.touch(session, System.currentTimeMillis());
    }

    private static boolean isPoll(FacesContext faces) {
        String source = faces.getExternalContext().getRequestParameterMap().get("jakarta.faces.source");
        if (source == null) {
            return false;
        }
        try {
            UIComponent component = faces.getViewRoot().findComponent(source);
            return component instanceof Poll;
        } catch (IllegalArgumentException notAnId) {
            return false;
        }
    }

    @Override
    public void beforePhase(PhaseEvent event) {
        // decided once the view is restored
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RESTORE_VIEW;
    }
}
