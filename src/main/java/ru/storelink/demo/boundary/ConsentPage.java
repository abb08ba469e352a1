package ru.storelink.demo.boundary;

import java.util.Map;

/**
 * The consent page of a simulated provider: what the owner would see at Evotor or VK, clearly marked as
 * a demo. Plain HTML without scripts; every value is escaped.
 */
public final class ConsentPage {

    private ConsentPage() {
    }

    public static String render(String provider, String question, String action, Map<String, String> hidden) {
        StringBuilder fields = new StringBuilder();
        hidden.forEach((name, value) -> fields.append("<input type=\"hidden\" name=\"").append(escape(name))
                .append("\" value=\"").append(escape(value)).append("\"/>"));
        return """
                <!DOCTYPE html>
                <html lang="ru">
                <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <title>%1$s — демо-режим</title>
                <link rel="stylesheet" href="/jakarta.faces.resource/css/storelink.css.xhtml"/>
                </head>
                <body>
                <header class="navbar"><span class="navbar-brand">%1$s</span><span class="demo-badge">Демо-режим</span></header>
                <main class="content">
                <section class="auth-card">
                <h1>%1$s</h1>
                <p id="question">%2$s</p>
                <p class="hint">Это имитация страницы согласия: ключи сервиса не настроены, поэтому Storelink подключается к встроенному демо-сервису.</p>
                <form method="post" action="%3$s">%4$s
                <button type="submit" id="allow" name="decision" value="allow" class="ui-button ui-widget ui-corner-all ui-button-text-only"><span class="ui-button-text">Разрешить</span></button>
                <button type="submit" id="deny" name="decision" value="deny" class="ui-button ui-widget ui-corner-all ui-button-text-only ui-button-outlined"><span class="ui-button-text">Отказать</span></button>
                </form>
                </section>
                </main>
                </body>
                </html>
                """.formatted(escape(provider), escape(question), escape(action), fields);
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
