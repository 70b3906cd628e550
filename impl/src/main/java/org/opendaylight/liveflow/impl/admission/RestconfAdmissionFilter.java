/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.opendaylight.liveflow.impl.restconf.ExplainedWrites;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sits in front of RESTCONF (through AAA's filter chain, the extension point RESTCONF offers for this) and
 * answers every request: beyond the request slots, or when a configuration write finds no turn, it answers
 * 503 with Retry-After at once instead of letting the client wait on a thread the server does not have.
 * Data writes (POST, PUT, PATCH, DELETE under /data) pass the {@link WriteGate} one at a time; a write of liveflow
 * data whose body does not fit the model is refused before it waits for its turn ({@link ExplainedWrites}).
 */
@Component(service = Filter.class, property = "org.opendaylight.aaa.filterchain.filter=true")
public final class RestconfAdmissionFilter implements Filter {
    private static final Logger LOG = LoggerFactory.getLogger(RestconfAdmissionFilter.class);
    private static final Set<String> WRITE_METHODS = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AdmissionControl admission;
    private final ExplainedWrites explained;

    @Activate
    public RestconfAdmissionFilter(@Reference final AdmissionControl admission,
            @Reference final ExplainedWrites explained) {
        this.admission = admission;
        this.explained = explained;
    }

    @Override
    public void init(final FilterConfig filterConfig) {
        // nothing to read: the settings come from AdmissionControl's configuration
    }

    @Override
    public void doFilter(final ServletRequest request, final ServletResponse response, final FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        final boolean write = isDataWrite(http);
        if (write ? !admission.tryBeginWrite() : !admission.tryBeginRequest()) {
            // a write is refused at either limit: the writes' share of the slots, or every slot
            refuse(out, (write ? "the controller has " + (admission.settings().maxWaitingWrites() + 1)
                + " writes or " : "the controller has ") + admission.settings().maxRequests()
                + " requests in progress");
            return;
        }
        try {
            final String path = dataPath(http);
            if (write && explains(http, path)) {
                // a liveflow write that does not fit the model is refused without waiting for a write turn
                final Optional<HttpServletRequest> admitted = explained.admit(http, out, path);
                if (admitted.isPresent()) {
                    writeInTurn(admitted.orElseThrow(), out, chain);
                }
            } else if (write) {
                writeInTurn(http, out, chain);
            } else {
                chain.doFilter(request, response);
            }
        } finally {
            if (write) {
                admission.endWrite();
            } else {
                admission.endRequest();
            }
        }
    }

    private void writeInTurn(final HttpServletRequest request, final HttpServletResponse response,
            final FilterChain chain) throws IOException, ServletException {
        final WriteGate.Entry entry;
        try {
            entry = admission.writes().enter();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            refuse(response, "interrupted while waiting to write");
            return;
        }
        if (entry instanceof WriteGate.Refused refused) {
            refuse(response, refused.reason());
            return;
        }
        try (WriteGate.Turn turn = (WriteGate.Turn) entry) {
            final String path = dataPath(request);
            if (explains(request, path)) {
                explained.write(request, response, path, chain);
            } else {
                chain.doFilter(request, response);
            }
        }
    }

    static boolean isDataWrite(final HttpServletRequest request) {
        if (!WRITE_METHODS.contains(request.getMethod())) {
            return false;
        }
        final String path = dataPath(request);
        return path.equals("/data") || path.startsWith("/data/");
    }

    private static boolean explains(final HttpServletRequest request, final String path) {
        return !"DELETE".equals(request.getMethod()) && ExplainedWrites.covers(path);
    }

    private static String dataPath(final HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private void refuse(final HttpServletResponse response, final String reason) throws IOException {
        final long retryAfter = admission.settings().retryAfter().toSeconds();
        final String message = "The controller is busy: " + reason + "; retry after " + retryAfter + " s";
        LOG.debug("Refused a RESTCONF request: {}", message);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Long.toString(retryAfter));
        response.setContentType("application/yang-data+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"errors\":{\"error\":[{\"error-type\":\"application\","
            + "\"error-tag\":\"resource-denied\",\"error-message\":\"" + message + "\"}]}}");
    }

    @Override
    public void destroy() {
        // the component's lifecycle is DS's; nothing held per filter instance
    }
}
