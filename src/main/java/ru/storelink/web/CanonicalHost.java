package ru.storelink.web;

import jakarta.security.auth.message.AuthException;
import jakarta.security.auth.message.AuthStatus;
import jakarta.security.auth.message.MessageInfo;
import jakarta.security.auth.message.config.AuthConfigFactory;
import jakarta.security.auth.message.config.AuthConfigProvider;
import jakarta.security.auth.message.config.ClientAuthConfig;
import jakarta.security.auth.message.config.ServerAuthConfig;
import jakarta.security.auth.message.config.ServerAuthContext;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Redirects a request that did not come to {@code app.public-url} there ({@link CanonicalAddress}), as the
 * very first step of every request, before any session exists.
 *
 * <p>Why not a servlet filter: the container authenticates before any filter runs. For a protected page
 * the form login (Jakarta Security's login-to-continue) already saves the request in a new session and
 * redirects to {@code /login} on the wrong host — the owner would get a session there. So this step sits in
 * front of the form login in the same place the container calls it: it wraps the Jakarta Authentication
 * provider that Jakarta Security registered for this application (standard API, Jakarta Authentication 3.0)
 * and answers the redirect itself, or hands the request on unchanged — except on the few public paths that
 * authenticate by their own credential ({@link #OWN_AUTHENTICATION}), where it lets the request through as
 * anonymous, as the form login would have, without asking it.
 *
 * <p>{@code app.canonical-redirect} (default true) is read at every request, so a dynamic config source can
 * switch it. Switch it off only for an instance that is deliberately reached under another address: the
 * tests' extra instances on their own ports stand in for instances behind a load balancer, which in a real
 * deployment forwards the public {@code Host} (and the proxy's {@code X-Forwarded-Proto}) unchanged.
 */
@WebListener
public class CanonicalHost implements ServletContextListener {

    static final String SWITCH = "app.canonical-redirect";
    /**
     * Public paths that carry their own credential and never the session: the dashboard's refresh
     * ({@code DashboardEndpoints}, its pass in {@code Authorization}). The form login has nothing to decide
     * there, and asking it costs: Jakarta Security looks the login mechanism up through JNDI on every request
     * (a failing name and its exception included), 8 % of a refresh's CPU in a profile.
     */
    static final Set<String> OWN_AUTHENTICATION = Set.of("/connections/status");
    private static final String PASSED_BY = CanonicalHost.class.getName() + ".passedBy";
    private static final String LAYER = "HttpServlet";
    private static final Logger LOG = Logger.getLogger(CanonicalHost.class.getName());

    private String registration;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Config config = ConfigProvider.getConfig(context.getClassLoader());
        CanonicalAddress address = CanonicalAddress.of(
                config.getOptionalValue("app.public-url", String.class).orElse("http://localhost:8080"));
        AuthConfigFactory factory = AuthConfigFactory.getFactory();
        // The application context id of the Servlet Container Profile (Jakarta Authentication 3.0, 3.2).
        String appContext = context.getVirtualServerName() + " " + context.getContextPath();
        // Registered by Jakarta Security's container initializer, which runs before any listener.
        AuthConfigProvider formLogin = factory.getConfigProvider(LAYER, appContext, null);
        if (formLogin == null) {
            // Without it nobody could sign in: better not to start than to start without a login.
            throw new IllegalStateException("No Jakarta Authentication provider registered for " + appContext
                    + ": the form login is missing, the canonical-host redirect cannot be put in front of it");
        }
        registration = factory.registerConfigProvider(new Provider(formLogin, address, context.getClassLoader()),
                LAYER, appContext, "Storelink: canonical host, then the form login");
        LOG.info(() -> "Requests not addressed to " + address + " are redirected there unless " + SWITCH + "=false");
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        if (registration != null) {
            AuthConfigFactory.getFactory().removeRegistration(registration);
        }
    }

    /** The form login's provider, with every server context it hands out wrapped. */
    private record Provider(AuthConfigProvider formLogin, CanonicalAddress address, ClassLoader application)
            implements AuthConfigProvider {

        @Override
        public ClientAuthConfig getClientAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return formLogin.getClientAuthConfig(layer, appContext, handler);
        }

        @Override
        public ServerAuthConfig getServerAuthConfig(String layer, String appContext, CallbackHandler handler)
                throws AuthException {
            return new Configuration(formLogin.getServerAuthConfig(layer, appContext, handler), this);
        }

        @Override
        public void refresh() {
            formLogin.refresh();
        }

        boolean enabled() {
            return ConfigProvider.getConfig(application).getOptionalValue(SWITCH, Boolean.class).orElse(true);
        }
    }

    private record Configuration(ServerAuthConfig formLogin, Provider provider) implements ServerAuthConfig {

        @Override
        public ServerAuthContext getAuthContext(String authContextId, Subject serviceSubject, Map<String, Object> properties)
                throws AuthException {
            ServerAuthContext next = formLogin.getAuthContext(authContextId, serviceSubject, properties);
            return next == null ? null : new Context(next, provider);
        }

        @Override
        public String getMessageLayer() {
            return formLogin.getMessageLayer();
        }

        @Override
        public String getAppContext() {
            return formLogin.getAppContext();
        }

        @Override
        public String getAuthContextID(MessageInfo messageInfo) {
            return formLogin.getAuthContextID(messageInfo);
        }

        @Override
        public void refresh() {
            formLogin.refresh();
        }

        @Override
        public boolean isProtected() {
            return formLogin.isProtected();
        }
    }

    static boolean ownAuthentication(HttpServletRequest request) {
        return OWN_AUTHENTICATION.contains(request.getRequestURI().substring(request.getContextPath().length()));
    }

    private record Context(ServerAuthContext formLogin, Provider provider) implements ServerAuthContext {

        @Override
        public AuthStatus validateRequest(MessageInfo message, Subject client, Subject service) throws AuthException {
            if (message.getRequestMessage() instanceof HttpServletRequest request
                    && message.getResponseMessage() instanceof HttpServletResponse response
                    && provider.enabled()) {
                Optional<CanonicalAddress.Redirect> redirect = provider.address().redirect(request.getMethod(),
                        request.getScheme(), request.getHeader("Host"),
                        request.getRequestURI().substring(request.getContextPath().length()),
                        request.getRequestURI(), request.getQueryString());
                if (redirect.isPresent()) {
                    response.setStatus(redirect.get().status());
                    response.setHeader("Location", redirect.get().location());
                    // Permanent, but not pinned in browsers: a changed app.public-url takes effect at once, and
                    // a developer switching between localhost and 127.0.0.1 never meets a cached loop.
                    response.setHeader("Cache-Control", "no-store");
                    response.setContentLength(0);
                    // The response is complete: the container sends it as it is, and calls nothing else.
                    return AuthStatus.SEND_CONTINUE;
                }
            }
            if (message.getRequestMessage() instanceof HttpServletRequest request && ownAuthentication(request)) {
                message.getMap().put(PASSED_BY, Boolean.TRUE);
                // What the form login answers for a public resource (doNothing): go on, nobody signed in.
                return AuthStatus.SUCCESS;
            }
            return formLogin.validateRequest(message, client, service);
        }

        @Override
        public AuthStatus secureResponse(MessageInfo message, Subject service) throws AuthException {
            if (Boolean.TRUE.equals(message.getMap().get(PASSED_BY))) {
                return AuthStatus.SEND_SUCCESS;
            }
            return formLogin.secureResponse(message, service);
        }

        @Override
        public void cleanSubject(MessageInfo message, Subject subject) throws AuthException {
            formLogin.cleanSubject(message, subject);
        }
    }
}
