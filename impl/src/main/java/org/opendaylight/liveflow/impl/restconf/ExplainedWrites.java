/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.restconf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.opendaylight.mdsal.dom.api.DOMSchemaService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes a RESTCONF write of liveflow data on and makes its refusal say which object and field are wrong and what
 * is allowed ({@link WriteErrors}): RESTCONF on this train answers a value its types refuse with a bare 400, a
 * missing mandatory leaf with a 500, and an unknown content type with an empty 415.
 */
@Component(service = ExplainedWrites.class)
public final class ExplainedWrites {
    private static final Logger LOG = LoggerFactory.getLogger(ExplainedWrites.class);
    private static final String MODULE = "liveflow";
    private static final String DATA = "/data";

    private final DOMSchemaService schema;

    @Activate
    public ExplainedWrites(@Reference final DOMSchemaService schema) {
        this.schema = schema;
    }

    /**
     * Whether {@code dataPath} (the request's path after the servlet's) is liveflow's data or the whole datastore.
     */
    public static boolean covers(final String dataPath) {
        return dataPath.equals(DATA) || dataPath.equals(DATA + "/") || dataPath.startsWith(DATA + "/" + MODULE + ":");
    }

    /**
     * Reads the write's body and refuses it at once when it does not fit the model, before it waits for a write
     * turn: returns the request to pass on (its body read), or empty when the refusal has been sent.
     */
    public Optional<HttpServletRequest> admit(final HttpServletRequest request, final HttpServletResponse response,
            final String dataPath) throws IOException {
        final CachedBodyRequest cached = new CachedBodyRequest(request);
        // RESTCONF's JSON reader takes [1] for a leaf's 1 and an object for a list's one entry, and stores them:
        // the body's shape and values are checked first, and a write that does not fit never reaches it
        final Optional<WriteErrors.Answer> refused = errors().refuse(request.getMethod(),
            dataPath.substring(DATA.length()), String.valueOf(request.getContentType()), cached.body());
        if (refused.isPresent()) {
            LOG.debug("Refused {} {} before RESTCONF: {}", request.getMethod(), dataPath, refused.orElseThrow());
            send(response, refused.orElseThrow());
            return Optional.empty();
        }
        return Optional.of(cached);
    }

    /**
     * Passes an admitted write on to RESTCONF and sends its answer, explained when it is a refusal that does not
     * say what is wrong.
     */
    public void write(final HttpServletRequest request, final HttpServletResponse response, final String dataPath,
            final FilterChain chain) throws IOException, ServletException {
        final CachedBodyRequest cached = request instanceof CachedBodyRequest admitted ? admitted
            : new CachedBodyRequest(request);
        final WriteErrors errors = errors();
        final String path = dataPath.substring(DATA.length());
        final CapturedResponse captured = new CapturedResponse(response);
        chain.doFilter(cached, captured);
        final int status = captured.capturedStatus();
        if (status < 400) {
            captured.send();
            return;
        }
        final Optional<WriteErrors.Answer> answer = errors.explain(request.getMethod(), path,
            String.valueOf(request.getContentType()), cached.body(), status, captured.capturedBody());
        if (answer.isEmpty()) {
            captured.send();
            return;
        }
        LOG.debug("RESTCONF's {} to {} {} explained as {}", status, request.getMethod(), dataPath,
            answer.orElseThrow().body());
        captured.send(answer.orElseThrow().status(), answer.orElseThrow().body());
    }

    private WriteErrors errors() {
        return new WriteErrors(new ModelBodyCheck(schema.getGlobalContext(), MODULE));
    }

    private static void send(final HttpServletResponse response, final WriteErrors.Answer answer)
            throws IOException {
        final byte[] octets = answer.body().getBytes(StandardCharsets.UTF_8);
        response.setStatus(answer.status());
        response.setContentType("application/yang-data+json");
        response.setContentLength(octets.length);
        response.getOutputStream().write(octets);
    }
}
