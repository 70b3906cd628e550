/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.restconf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

/**
 * Holds RESTCONF's answer to a write instead of sending it, so that a refusal can be replaced before the client
 * sees it. Headers other than the length pass through; status, length and body are sent by {@link #send}.
 */
final class CapturedResponse extends HttpServletResponseWrapper {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final ServletOutputStream stream = new ServletOutputStream() {
        @Override
        public void write(final int octet) {
            body.write(octet);
        }

        @Override
        public void write(final byte[] octets, final int offset, final int length) {
            body.write(octets, offset, length);
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(final WriteListener listener) {
            throw new UnsupportedOperationException("liveflow buffers RESTCONF's answers to writes");
        }
    };
    private PrintWriter writer;
    private int status = SC_OK;

    CapturedResponse(final HttpServletResponse response) {
        super(response);
    }

    int capturedStatus() {
        return status;
    }

    String capturedBody() {
        if (writer != null) {
            writer.flush();
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    /** Sends the captured answer as it is. */
    void send() throws IOException {
        final byte[] octets = capturedBody().getBytes(StandardCharsets.UTF_8);
        final HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(status);
        response.setContentLength(octets.length);
        response.getOutputStream().write(octets);
    }

    /** Sends {@code replacement} instead of the captured answer. */
    void send(final int replacementStatus, final String replacement) throws IOException {
        final byte[] octets = replacement.getBytes(StandardCharsets.UTF_8);
        final HttpServletResponse response = (HttpServletResponse) getResponse();
        response.setStatus(replacementStatus);
        response.setContentType("application/yang-data+json");
        response.setContentLength(octets.length);
        response.getOutputStream().write(octets);
    }

    @Override
    public void setStatus(final int sc) {
        status = sc;
    }

    @Override
    @Deprecated
    public void setStatus(final int sc, final String sm) {
        status = sc;
    }

    @Override
    public void sendError(final int sc) {
        status = sc;
    }

    @Override
    public void sendError(final int sc, final String msg) {
        status = sc;
    }

    @Override
    public int getStatus() {
        return status;
    }

    @Override
    public ServletOutputStream getOutputStream() {
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        }
        return writer;
    }

    @Override
    public void setContentLength(final int len) {
        // the length is the one of what is finally sent
    }

    @Override
    public void setContentLengthLong(final long len) {
        // the length is the one of what is finally sent
    }

    @Override
    public void setHeader(final String name, final String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(final String name, final String value) {
        if (!"Content-Length".equalsIgnoreCase(name)) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void flushBuffer() {
        // nothing is sent before the answer is complete
    }

    @Override
    public boolean isCommitted() {
        return false;
    }

    @Override
    public void resetBuffer() {
        body.reset();
    }

    @Override
    public void reset() {
        body.reset();
        status = SC_OK;
        super.reset();
    }
}
