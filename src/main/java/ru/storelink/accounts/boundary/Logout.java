package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.logging.Logger;

/**
 * Backs the «Выйти» button in the navbar. Logout is a POST from a Faces form, so its view state makes a
 * forged cross-site logout fail, and a GET (a prefetch, an image tag) can never sign anyone out.
 */
@Named
@RequestScoped
public class Logout {

    private static final Logger LOG = Logger.getLogger(Logout.class.getName());

    public void submit() throws ServletException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        LOG.fine("Signed out");
        Authentication.redirect(faces, "/login");
    }
}
