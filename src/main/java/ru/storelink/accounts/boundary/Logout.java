package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.logging.Logger;

/**
 * Backs the «Выйти» button in the navbar. Logout is a POST from a Faces form, so its view state makes a
 * forged cross-site logout fail, and a GET (a prefetch, an image tag, a link someone shared) can never sign
 * anyone out. Faces itself would run the action for a GET too — it takes any request carrying a view state
 * for a postback — so the method is checked here.
 */
@Named
@RequestScoped
public class Logout {

    private static final Logger LOG = Logger.getLogger(Logout.class.getName());

    public void submit() throws ServletException, IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        HttpServletRequest request = (HttpServletRequest) faces.getExternalContext().getRequest();
        if (!"POST".equals(request.getMethod())) {
            LOG.info(() -> "Refused a logout by " + request.getMethod());
            faces.getExternalContext().responseSendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED, null);
            faces.responseComplete();
            return;
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        LOG.fine("Signed out");
        Authentication.redirect(faces, "/login");
    }
}
