/*
 * Copyright (c) 2026 liveflow authors. All rights reserved.
 *
 * This program and the accompanying materials are made available under the
 * terms of the Eclipse Public License v1.0 which accompanies this distribution,
 * and is available at http://www.eclipse.org/legal/epl-v10.html
 */
package org.opendaylight.liveflow.it.lab;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The packet counters of both ends of each chassis' links into the lab's fabric (its underlay link and, when the lab
 * has one, its external-network link), read one end after the other. A frame one end sent and the other never
 * received was dropped by the lab itself (a userspace link carries one frame per main-loop iteration of its
 * ovs-vswitchd and drops what exceeds 100 queued frames), not by any flow: the difference of two readings says how
 * many frames the fabric lost in between, when both were taken while no frame was crossing.
 */
public record FabricLinks(Map<String, Link> links) {

    /**
     * One link's counters: what the fabric's end sent towards the chassis and received from it, and what the
     * chassis' end received and sent.
     */
    public record Link(long fabricSent, long chassisReceived, long chassisSent, long fabricReceived) {
        /** Frames the fabric sent towards the chassis that the chassis never received. */
        public long droppedTowardsChassis() {
            return fabricSent - chassisReceived;
        }

        /** Frames the chassis sent that the fabric never received. */
        public long droppedFromChassis() {
            return chassisSent - fabricReceived;
        }

        Link minus(final Link earlier) {
            return new Link(fabricSent - earlier.fabricSent, chassisReceived - earlier.chassisReceived,
                chassisSent - earlier.chassisSent, fabricReceived - earlier.fabricReceived);
        }
    }

    public FabricLinks {
        links = Map.copyOf(links);
    }

    /**
     * Returns what happened on each link since {@code earlier} (links read both times only).
     */
    public FabricLinks since(final FabricLinks earlier) {
        final Map<String, Link> out = new LinkedHashMap<>();
        links.forEach((name, link) -> {
            final Link before = earlier.links.get(name);
            if (before != null) {
                out.put(name, link.minus(before));
            }
        });
        return new FabricLinks(out);
    }

    /**
     * Returns the frames dropped towards the named link's chassis ("c2" is its underlay link, "c2 external" its
     * link to the external network), 0 for a link not read.
     */
    public long droppedTowards(final String link) {
        final Link counters = links.get(link);
        return counters == null ? 0 : counters.droppedTowardsChassis();
    }

    /**
     * Returns the frames dropped on their way from a chassis into the fabric, over every link read.
     */
    public long droppedFromChassis() {
        return links.values().stream().mapToLong(Link::droppedFromChassis).sum();
    }
}
