package ru.storelink.testsupport;

import java.io.File;
import java.net.URISyntaxException;
import org.assertj.core.api.Assertions;
import org.eu.ingwar.tools.arquillian.extension.suite.annotations.ArquillianSuiteDeployment;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jsoup.Jsoup;

/**
 * The one deployment of the integration suite: the WAR that {@code mvn package} built, exactly as it ships,
 * plus the test classes. In-container tests run inside it; black-box and browser tests talk to it over
 * HTTP. Payara Micro boots once for the whole suite.
 */
@ArquillianSuiteDeployment
public final class SuiteDeployment {

    /**
     * Test-only pages (under /test-support/) and Arquillian's runner need no login. Distributable like
     * the application: one fragment without it would make the whole application non-distributable.
     */
    private static final String TEST_ACCESS = """
            <web-fragment xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                <name>storelink_tests</name>
                <distributable/>
                <security-constraint>
                    <web-resource-collection>
                        <web-resource-name>Test harness</web-resource-name>
                        <url-pattern>/ArquillianServletRunnerEE9</url-pattern>
                        <url-pattern>/test-support/*</url-pattern>
                    </web-resource-collection>
                </security-constraint>
            </web-fragment>
            """;

    private SuiteDeployment() {
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Deployment(testable = true)
    public static WebArchive deployment() {
        File war = new File(System.getProperty("storelink.war", "target/storelink.war"));
        JavaArchive testAccess = ShrinkWrap.create(JavaArchive.class, "storelink-test-access.jar")
                .addAsManifestResource(new StringAsset(TEST_ACCESS), "web-fragment.xml");
        return ShrinkWrap.create(ZipImporter.class, "storelink.war")
                .importFrom(war)
                .as(WebArchive.class)
                .addPackages(true, "ru.storelink")
                // The test-only third service's page and migration (its classes came with the packages).
                .addAsWebResource(new File("src/test/webapp/warehouse.xhtml"), "warehouse.xhtml")
                .addAsResource("db/test-migration/R__warehouse_service.sql")
                .addAsResource("ru/storelink/warehouse/messages.properties")
                .addAsLibrary(testAccess)
                .addAsResource(new StringAsset(TestConfig.Source.class.getName()),
                        "META-INF/services/org.eclipse.microprofile.config.spi.ConfigSource")
                // In-container tests use the same HTTP client and assertions as the black-box tests.
                .addAsLibraries(jarOf(Jsoup.class), jarOf(Assertions.class));
    }
}
