/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.impl.admission;

import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the controller admits at once: a bounded number of RESTCONF requests in progress, and configuration
 * writes one at a time through the {@link WriteGate} that RESTCONF and liveflow's own writers share. Writes hold at
 * most as many request slots as the gate lets in at once (the one running and those waiting), so the rest stay for
 * reads: under two hundred writers a read was answered 503 while writes that the gate would refuse anyway held the
 * slots, reading their bodies or being refused (OverloadIT, 1 read of 809).
 */
@Component(service = AdmissionControl.class, configurationPid = AdmissionSettings.PID)
public final class AdmissionControl {
    private static final Logger LOG = LoggerFactory.getLogger(AdmissionControl.class);

    private final AdmissionSettings settings;
    private final WriteGate writes;
    private final Semaphore requests;
    private final Semaphore writeRequests;
    private final AtomicLong refusedBusy = new AtomicLong();

    @Activate
    public AdmissionControl(final Map<String, Object> properties) {
        this(settingsFrom(properties));
    }

    public AdmissionControl(final AdmissionSettings settings) {
        this.settings = settings;
        writes = new WriteGate(settings.maxWaitingWrites(), settings.maxWriteWait());
        requests = new Semaphore(settings.maxRequests());
        writeRequests = new Semaphore(settings.maxWaitingWrites() + 1);
        LOG.info("RESTCONF admission: {}", settings);
    }

    private static AdmissionSettings settingsFrom(final Map<String, Object> properties) {
        final AdmissionSettings.Parsed parsed = AdmissionSettings.parse(properties);
        if (!parsed.errors().isEmpty()) {
            LOG.error("Ignoring {} ({}); using the defaults", AdmissionSettings.PID, parsed.errors());
        }
        return parsed.settings();
    }

    public AdmissionSettings settings() {
        return settings;
    }

    public WriteGate writes() {
        return writes;
    }

    /**
     * Takes one of the request slots, or returns false (and counts it) when all are in use.
     */
    public boolean tryBeginRequest() {
        if (requests.tryAcquire()) {
            return true;
        }
        refusedBusy.incrementAndGet();
        return false;
    }

    public void endRequest() {
        requests.release();
    }

    /**
     * Takes one of the request slots for a configuration write, or returns false (and counts it) when all are in
     * use or writes already hold as many as the write gate lets in ({@link AdmissionSettings#maxWaitingWrites} and
     * the one running).
     */
    public boolean tryBeginWrite() {
        if (!writeRequests.tryAcquire()) {
            refusedBusy.incrementAndGet();
            return false;
        }
        if (tryBeginRequest()) {
            return true;
        }
        writeRequests.release();
        return false;
    }

    public void endWrite() {
        endRequest();
        writeRequests.release();
    }

    public int requestsInProgress() {
        return settings.maxRequests() - requests.availablePermits();
    }

    public long refusedBusy() {
        return refusedBusy.get();
    }
}
