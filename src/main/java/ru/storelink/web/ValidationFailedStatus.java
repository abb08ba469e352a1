package ru.storelink.web;

import jakarta.faces.context.ExternalContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A form re-rendered with validation messages answers 422, not 200, so that refused input is visible as
 * refused to any client, not only to a person reading the page. A more specific status a page bean has
 * already set (401, 409, 429) stays. Registered in faces-config.xml.
 */
public class ValidationFailedStatus implements PhaseListener {

    private static final long serialVersionUID = 1L;

    @Override
    public void beforePhase(PhaseEvent event) {
        if (event.getFacesContext().isValidationFailed()) {
            ExternalContext external = event.getFacesContext().getExternalContext();
            if (((HttpServletResponse) external.getResponse()).getStatus() == 200) {
                external.setResponseStatus(422);
            }
        }
    }

    @Override
    public void afterPhase(PhaseEvent event) {
        // nothing to do after rendering
    }

    @Override
    public PhaseId getPhaseId() {
        return PhaseId.RENDER_RESPONSE;
    }
}
