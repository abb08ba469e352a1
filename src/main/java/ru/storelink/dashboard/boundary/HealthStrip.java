package ru.storelink.dashboard.boundary;

import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import ru.storelink.texts.Texts;

/**
 * {@code <sl:healthStrip strip="…" elementId="strip-evotor"/>}: the 30-day strip, a coloured segment
 * per day, each with its words as the title (for the pointer) and as hidden text (for screen readers), so it
 * reads without colour too; the availability beside it.
 *
 * <p>A component writing its own markup rather than a {@code ui:repeat} over the days: the repeat evaluated
 * three expressions per day, 180 on a dashboard of two cards, and was a third of the page's render time
 * (a flight recording of the page under wrk). The markup is the same; the writer escapes every text and attribute.
 * {@code elementId} is the element's id as written, without the enclosing naming containers' prefixes.
 */
@FacesComponent(createTag = true, tagName = "healthStrip", namespace = HealthStrip.NAMESPACE)
public class HealthStrip extends UIComponentBase {

    public static final String NAMESPACE = "ru.storelink";

    @Override
    public String getFamily() {
        return "ru.storelink.HealthStrip";
    }

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        write(context.getResponseWriter(), this, (StripView) getAttributes().get("strip"), (String) getAttributes().get("elementId"));
    }

    /** Writes {@code strip} as {@code <div id="elementId" class="health-strip">}; also the dashboard's cards ({@link DashboardCard}). */
    static void write(ResponseWriter out, UIComponent component, StripView strip, String elementId) throws IOException {
        out.startElement("div", component);
        out.writeAttribute("id", elementId, null);
        out.writeAttribute("class", "health-strip", null);
        out.startElement("ol", null);
        out.writeAttribute("class", "strip-days", null);
        out.writeAttribute("aria-label", Texts.render("history.strip.label"), null);
        for (StripView.Segment segment : strip.segments()) {
            out.startElement("li", null);
            out.writeAttribute("class", "strip-day " + segment.styleClass(), null);
            out.writeAttribute("title", segment.label(), null);
            out.startElement("span", null);
            out.writeAttribute("class", "sr-only", null);
            out.writeText(segment.label(), null);
            out.endElement("span");
            out.endElement("li");
        }
        out.endElement("ol");
        out.startElement("span", null);
        out.writeAttribute("id", elementId + "-availability", null);
        out.writeAttribute("class", "strip-availability", null);
        out.writeText(strip.availability(), null);
        out.endElement("span");
        out.endElement("div");
    }
}
