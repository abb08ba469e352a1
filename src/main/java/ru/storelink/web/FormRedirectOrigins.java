package ru.storelink.web;

import java.util.List;

/**
 * Origins other than ours that the redirects after one of our forms may lead to. Browsers apply a page's
 * CSP {@code form-action} to every redirect that follows its form's post: the login that continues to
 * «Переподключить» (an e-mail's button, through the login) ends at the provider's consent page, and without
 * the provider's origin here the browser would silently stop on the login page. A CDI bean of the features
 * that know such origins (the connections core: each service's consent).
 */
public interface FormRedirectOrigins {

    /** {@code scheme://host[:port]} each, as a CSP source. */
    List<String> origins();
}
