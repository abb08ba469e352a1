package ru.storelink.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.spi.TestDeployment;
import org.jboss.arquillian.container.test.spi.client.deployment.ProtocolArchiveProcessor;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.asset.ArchiveAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;

/**
 * Arquillian's servlet protocol adds its test runner through a web fragment without
 * {@code <distributable/>}, and one such fragment makes the whole deployment non-distributable: the server
 * under test would keep sessions in memory only and the suite would not test session replication (nor
 * that everything in a session is serializable). This marks the runner's fragment distributable.
 */
public final class DistributableTestRunner implements LoadableExtension {

    private static final String FRAGMENT = "META-INF/web-fragment.xml";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(ProtocolArchiveProcessor.class, MarkFragmentDistributable.class);
    }

    /** Called with the test WAR after the protocol's jar was added to its libraries. */
    public static final class MarkFragmentDistributable implements ProtocolArchiveProcessor {

        @Override
        public void process(TestDeployment testDeployment, Archive<?> deployment) {
            for (Node library : deployment.getContent(Filters.include("/WEB-INF/lib/.*\\.jar")).values()) {
                if (library.getAsset() instanceof ArchiveAsset jar) {
                    markDistributable(jar.getArchive());
                }
            }
        }

        private static void markDistributable(Archive<?> jar) {
            Node fragment = jar.get(FRAGMENT);
            if (fragment == null || fragment.getAsset() == null) {
                return;
            }
            try (InputStream in = fragment.getAsset().openStream()) {
                String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!xml.contains("<distributable")) {
                    jar.delete(FRAGMENT);
                    jar.add(new StringAsset(xml.replaceFirst("(<web-fragment[^>]*>)", "$1<distributable/>")), FRAGMENT);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
