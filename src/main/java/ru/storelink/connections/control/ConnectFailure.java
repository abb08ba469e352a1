package ru.storelink.connections.control;

import ru.storelink.connections.entity.ServiceType;

/** Why connecting a service did not work, with what the owner is told. Nothing is stored in any case. */
public enum ConnectFailure {

    DENIED("Подключение «%s» отменено: доступ не был предоставлен."),
    STALE_STATE("Ссылка для подключения «%s» устарела или уже использована. Нажмите «Подключить» ещё раз."),
    BAD_CALLBACK("«%s» вернул некорректный ответ. Нажмите «Подключить» ещё раз."),
    GRANT_REFUSED("«%s» не подтвердил разрешение: код устарел или уже использован. Нажмите «Подключить» ещё раз."),
    ACCESS_REFUSED("«%s» отказал в доступе. Подключение не изменилось; проверьте разрешения и подключите снова."),
    UNAVAILABLE("«%s» сейчас недоступен. Подключение не изменилось, попробуйте позже."),
    MALFORMED("«%s» ответил непонятно. Подключение не изменилось, попробуйте позже."),
    NO_STORE("В учётной записи «%s» нет ни одного магазина. Создайте магазин и подключите снова.");

    private final String template;

    ConnectFailure(String template) {
        this.template = template;
    }

    public String text(ServiceType type) {
        return String.format(template, type.title());
    }

    public static ConnectFailure of(ProviderException.Reason reason) {
        return switch (reason) {
            case GRANT_REFUSED -> GRANT_REFUSED;
            case ACCESS_REFUSED -> ACCESS_REFUSED;
            case UNAVAILABLE -> UNAVAILABLE;
            case MALFORMED -> MALFORMED;
            case NO_STORE -> NO_STORE;
        };
    }
}
