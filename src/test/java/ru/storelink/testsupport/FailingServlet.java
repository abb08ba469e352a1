package ru.storelink.testsupport;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Deployed with the test suite only: a page that fails, to prove what a server error shows. */
@WebServlet("/test-support/fail")
public class FailingServlet extends HttpServlet {

    public static final String SECRET_DETAIL = "internal detail that must stay in the log";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) {
        throw new IllegalStateException(SECRET_DETAIL);
    }
}
