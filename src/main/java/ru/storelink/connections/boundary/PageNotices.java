package ru.storelink.connections.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import ru.storelink.connections.control.Notices;

/**
 * Shows the session's pending notices as messages of the page being opened. Called from the page's
 * {@code f:viewAction}, which runs before rendering starts, so that the page's messages component sees them.
 */
@Named
@RequestScoped
public class PageNotices {

    @Inject
    Notices notices;

    public void show() {
        FacesContext faces = FacesContext.getCurrentInstance();
        notices.drain().forEach(notice -> faces.addMessage(null, new FacesMessage(
                notice.error() ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO, notice.text(), null)));
    }
}
