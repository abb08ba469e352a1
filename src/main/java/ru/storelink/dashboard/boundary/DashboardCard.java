package ru.storelink.dashboard.boundary;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.Objects;
import ru.storelink.connections.control.FormToken;
import ru.storelink.connections.entity.ServiceType;
import ru.storelink.texts.Texts;

/**
 * {@code <sl:dashboardCard card="…" formToken="…">}: one card of the dashboard, its children (the «Проверить сейчас»
 * form, a Faces form because it posts back) written among its actions. The ids follow the service's key
 * (card-evotor, status-vk, …): the page's refresh script and the tests find the parts by them.
 *
 * <p>A component writing its own markup rather than an included template, for the reason {@link HealthStrip} gives:
 * the template's forty-odd components and thirty expressions per card were a fifth of the page's server time
 * (two cards; the page measured against the same page with the cards reduced to one line, wrk on one instance).
 * The service pages draw the same badges and «Отключить» from templates (WEB-INF/includes); both take their words from
 * the texts.
 */
@FacesComponent(createTag = true, tagName = "dashboardCard", namespace = HealthStrip.NAMESPACE)
public class DashboardCard extends UIComponentBase {

    @Override
    public String getFamily() {
        return "ru.storelink.DashboardCard";
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    private ConnectionCard card() {
        return (ConnectionCard) getAttributes().get("card");
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        ConnectionCard card = card();
        ServiceType type = card.type();
        String service = type.key();
        String contextPath = context.getExternalContext().getRequestContextPath();
        ResponseWriter out = context.getResponseWriter();

        out.startElement("article", this);
        out.writeAttribute("id", "card-" + service, null);
        out.writeAttribute("class", "connection-card", null);
        out.startElement("header", null);
        out.writeAttribute("class", "connection-card-header", null);
        icon(out, "bi " + type.icon() + " service-icon");
        out.startElement("h2", null);
        out.writeAttribute("class", "connection-card-title", null);
        out.writeText(type.title(), null);
        out.endElement("h2");
        out.startElement("span", null);
        out.writeAttribute("id", "status-" + service, null);
        out.writeAttribute("class", "status " + card.status().getStyleClass(), null);
        icon(out, "bi " + card.status().getIcon());
        out.writeText(" " + Texts.render(card.status().getTextCode()), null);
        out.endElement("span");
        if (card.demo()) {
            out.startElement("span", null);
            out.writeAttribute("class", "demo-badge", null);
            out.writeAttribute("title", Texts.render("demo.badge.title"), null);
            out.writeText(Texts.render("demo.badge"), null);
            out.endElement("span");
        }
        out.endElement("header");

        paragraph(out, "details-" + service, "connection-card-details", Objects.toString(card.details(), ""));
        if (card.note() != null && !card.note().isEmpty()) {
            paragraph(out, "note-" + service, "connection-card-note", card.note());
        }
        HealthStrip.write(out, this, card.strip(), "strip-" + service);

        out.startElement("footer", null);
        out.writeAttribute("class", "connection-card-footer", null);
        out.startElement("span", null);
        out.writeAttribute("class", "last-check", null);
        out.startElement("span", null);
        out.writeAttribute("id", "checked-" + service, null);
        out.writeText(card.getCheckedText(), null);
        out.endElement("span");
        out.writeText(" · ", null);
        out.startElement("a", null);
        out.writeAttribute("id", "history-" + service, null);
        out.writeAttribute("href", contextPath + type.pagePath() + "#history", null);
        out.writeText(Texts.render("card.history"), null);
        out.endElement("a");
        out.endElement("span");

        out.startElement("span", null);
        out.writeAttribute("class", "actions", null);
        // Always there, hidden unless the card is «Требуется переподключение»: the refresh shows it.
        out.startElement("a", null);
        out.writeAttribute("id", "reconnect-" + service, null);
        out.writeAttribute("class", "ui-button ui-widget ui-corner-all ui-button-text-icon-left reconnect", null);
        out.writeAttribute("href", contextPath + type.pagePath() + "/connect", null);
        if (!card.isReconnectNeeded()) {
            out.writeAttribute("hidden", "hidden", null);
        }
        buttonFace(out, "bi-arrow-clockwise", Texts.render("card.reconnect"));
        out.endElement("a");
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        ConnectionCard card = card();
        ServiceType type = card.type();
        String contextPath = context.getExternalContext().getRequestContextPath();
        ResponseWriter out = context.getResponseWriter();

        out.startElement("a", null);
        out.writeAttribute("id", "configure-" + type.key(), null);
        out.writeAttribute("class", "ui-button ui-widget ui-corner-all ui-button-text-only ui-button-outlined", null);
        out.writeAttribute("href", contextPath + type.pagePath(), null);
        out.startElement("span", null);
        out.writeAttribute("class", "ui-button-text ui-c", null);
        out.writeText(Texts.render("card.configure"), null);
        out.endElement("span");
        out.endElement("a");

        // As WEB-INF/includes/disconnect-form.xhtml: a plain POST with the session's form token; confirm.js asks first.
        out.startElement("form", null);
        out.writeAttribute("method", "post", null);
        out.writeAttribute("action", contextPath + "/connections/delete?type=" + type.key(), null);
        out.writeAttribute("data-confirm", type.getDisconnectQuestion(), null);
        out.writeAttribute("class", "inline-form", null);
        out.startElement("input", null);
        out.writeAttribute("type", "hidden", null);
        out.writeAttribute("name", FormToken.FIELD, null);
        out.writeAttribute("value", getAttributes().get("formToken"), null);
        out.endElement("input");
        out.startElement("button", null);
        out.writeAttribute("type", "submit", null);
        out.writeAttribute("id", "disconnect-" + type.key(), null);
        out.writeAttribute("class", "ui-button ui-widget ui-corner-all ui-button-text-icon-left ui-button-danger ui-button-outlined", null);
        buttonFace(out, "bi-x-lg", Texts.render("card.disconnect"));
        out.endElement("button");
        out.endElement("form");

        out.endElement("span");
        out.endElement("footer");
        out.endElement("article");
    }

    private static void icon(ResponseWriter out, String styleClass) throws IOException {
        out.startElement("i", null);
        out.writeAttribute("class", styleClass, null);
        out.endElement("i");
    }

    private static void paragraph(ResponseWriter out, String id, String styleClass, String text) throws IOException {
        out.startElement("p", null);
        out.writeAttribute("id", id, null);
        out.writeAttribute("class", styleClass, null);
        out.writeText(text, null);
        out.endElement("p");
    }

    /** A PrimeFaces-styled button's icon and words, as its own renderer writes them. */
    private static void buttonFace(ResponseWriter out, String icon, String text) throws IOException {
        out.startElement("span", null);
        out.writeAttribute("class", "ui-button-icon-left ui-icon ui-c bi " + icon, null);
        out.endElement("span");
        out.startElement("span", null);
        out.writeAttribute("class", "ui-button-text ui-c", null);
        out.writeText(text, null);
        out.endElement("span");
    }
}
