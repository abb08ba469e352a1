package ru.storelink.loadfaults;

import java.util.List;
import ru.storelink.testsupport.WebClient;

/** A signed-in owner of the suite: one browser (one cookie jar), pointed at each instance in turn. */
record Owner(String email, List<WebClient> browsers) {
}
