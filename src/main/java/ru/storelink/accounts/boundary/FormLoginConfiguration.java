package ru.storelink.accounts.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login through our own Faces page. An anonymous request to a protected URL is redirected (not
 * forwarded, so the address bar shows /login) to the login page; the container remembers the original
 * request server-side and returns there after login, so the target is always one of our own pages and no
 * "next" parameter can be abused for an open redirect. Which URLs are protected is declared in web.xml.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login", useForwardToLogin = false, errorPage = ""))
@ApplicationScoped
public class FormLoginConfiguration {
}
