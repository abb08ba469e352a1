package ru.storelink.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import ru.storelink.dashboard.boundary.DashboardEndpoints;

/** The paths the form login is not asked about: exactly the refresh, and only if web.xml makes it public. */
class OwnAuthenticationTest {

    @Test
    void onlyTheDashboardsRefreshPassesTheLoginBy() {
        assertThat(CanonicalHost.OWN_AUTHENTICATION).containsExactly("/" + DashboardEndpoints.PATH);
    }

    @Test
    void everySuchPathIsPublicInWebXml() throws Exception {
        assertThat(publicPatterns()).containsAll(CanonicalHost.OWN_AUTHENTICATION);
    }

    /** The url-patterns of web.xml's security constraints that have no auth-constraint. */
    private static List<String> publicPatterns() throws Exception {
        Path webXml = Path.of("src/main/webapp/WEB-INF/web.xml");
        Document document;
        try (var in = Files.newInputStream(webXml)) {
            document = DocumentBuilderFactory.newDefaultInstance().newDocumentBuilder().parse(in);
        }
        List<String> patterns = new ArrayList<>();
        NodeList constraints = document.getElementsByTagName("security-constraint");
        for (int i = 0; i < constraints.getLength(); i++) {
            Element constraint = (Element) constraints.item(i);
            if (constraint.getElementsByTagName("auth-constraint").getLength() == 0) {
                NodeList urls = constraint.getElementsByTagName("url-pattern");
                for (int j = 0; j < urls.getLength(); j++) {
                    patterns.add(urls.item(j).getTextContent().trim());
                }
            }
        }
        return patterns;
    }
}
